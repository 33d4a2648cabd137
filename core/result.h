// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <utility>

#include "core/error.h"

namespace Core {

/**
 * The outcome of a synchronous fallible call: a value or an Error, never both.
 * A small subset of std::expected; becomes an alias of it when the project moves to C++23.
 */
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(const T &value) : m_value(value) { }
    Result(T &&value) : m_value(std::move(value)) { }
    Result(const Error &error) : m_error(error) { Q_ASSERT(error.code != ErrorCode::None); }
    Result(Error &&error) : m_error(std::move(error)) { Q_ASSERT(m_error.code != ErrorCode::None); }

    explicit operator bool() const { return m_value.has_value(); }
    bool hasValue() const { return m_value.has_value(); }

    const T &value() const &
    {
        Q_ASSERT(m_value);
        return *m_value;
    }
    T &value() &
    {
        Q_ASSERT(m_value);
        return *m_value;
    }
    T &&value() &&
    {
        Q_ASSERT(m_value);
        return std::move(*m_value);
    }
    const Error &error() const
    {
        Q_ASSERT(!m_value);
        return m_error;
    }

private:
    std::optional<T> m_value;
    Error m_error;
};

/// Result of a call that returns nothing on success.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(const Error &error) : m_error(error), m_failed(true) { }

    explicit operator bool() const { return !m_failed; }
    bool hasValue() const { return !m_failed; }
    const Error &error() const
    {
        Q_ASSERT(m_failed);
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

/// Shorthand for building an Error in a return statement.
inline Error makeError(ErrorCode code, const QString &message, qint64 line = 0, qint64 column = 0)
{
    return Error{code, message, line, column};
}

} // namespace Core
