// SPDX-License-Identifier: GPL-3.0-or-later
// Compiles generated Jenkinsfiles against a stub of the declarative Pipeline DSL, in one JVM:
//   groovy check.groovy OUT.json JENKINSFILE...
// Each file must parse (syntax), use only whitelisted syntax (no GStrings, no method
// definitions, no imports, only + and = operators) and call only whitelisted DSL methods in the
// right block. Every call with its arguments is recorded in OUT.json so tests can compare the
// string values Groovy actually sees with what the generator was given.
import groovy.json.JsonOutput
import org.codehaus.groovy.ast.expr.*
import org.codehaus.groovy.ast.stmt.*
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.customizers.SecureASTCustomizer
import org.codehaus.groovy.syntax.Types

class DslError extends RuntimeException {
    DslError(String m) { super(m) }
}

class Dsl implements GroovyInterceptable {
    static final Map<String, List<String>> CONTEXTS = [
        top     : ['pipeline'],
        pipeline: ['agent', 'options', 'environment', 'stages', 'post'],
        options : ['skipDefaultCheckout', 'timeout', 'buildDiscarder', 'logRotator'],
        agent   : ['label'],
        stages  : ['stage'],
        stage   : ['agent', 'environment', 'steps', 'parallel', 'post', 'options'],
        parallel: ['stage'],
        steps   : ['sh', 'writeFile', 'catchError', 'error', 'timeout', 'bittenRecipe'],
        post    : ['always', 'success', 'failure', 'unstable'],
        always  : ['junit', 'recordCoverage', 'recordIssues', 'issues', 'archiveArtifacts'],
        environment: [],
    ]
    static final Map<String, String> BLOCKS = [
        pipeline: 'pipeline', options: 'options', agent: 'agent', stages: 'stages',
        stage: 'stage', parallel: 'parallel', steps: 'steps', catchError: 'steps',
        timeout: 'steps', post: 'post', always: 'always', success: 'always',
        failure: 'always', unstable: 'always', environment: 'environment',
    ]
    String context
    List calls

    Dsl(String context, List calls) { this.context = context; this.calls = calls }

    def invokeMethod(String name, Object args) {
        return Dispatcher.call(context, calls, name, args)
    }

    def getProperty(String name) {
        if (context in ['pipeline', 'stage'] && name in ['none', 'any'])
            return [agent: name]
        throw new DslError("property '${name}' is not allowed in the ${context} block")
    }

    void setProperty(String name, Object value) {
        if (context != 'environment')
            throw new DslError("assignment to '${name}' is not allowed in the ${context} block")
        if (!(value instanceof String))
            throw new DslError("environment value of '${name}' is not a string")
        calls << [call: 'env', name: name, value: value]
    }

}


class Dispatcher {
    static def normalise(Object value) {
        if (value instanceof Map) return value.collectEntries { k, v -> [(k): normalise(v)] }
        if (value instanceof List) return value.collect { normalise(it) }
        if (value instanceof GString) throw new DslError('GString argument')
        if (value instanceof Map || value instanceof List || value instanceof String
            || value instanceof Boolean || value instanceof Number || value == null)
            return value
        throw new DslError('argument of unexpected type ' + value.getClass().name)
    }

    static def call(String context, List calls, String name, Object args) {
        if (!Dsl.CONTEXTS[context].contains(name))
            throw new DslError("call of '${name}' is not allowed in the ${context} block")
        def list = (args as List)
        def closure = list && list.last() instanceof Closure ? list.last() : null
        def plain = closure ? list.subList(0, list.size() - 1) : list
        def call = [call: name, context: context, args: plain.collect { normalise(it) }]
        calls << call
        if (closure) {
            def inner = new Dsl(Dsl.BLOCKS[name] ?: 'none', calls)
            closure.resolveStrategy = Closure.DELEGATE_ONLY
            closure.delegate = inner
            closure.call()
            calls << [call: 'end:' + name]
        }
        return [dsl: name]
    }
}

abstract class PipelineScript extends Script implements GroovyInterceptable {
    List calls = []
    def invokeMethod(String name, Object args) {
        return Dispatcher.call('top', calls, name, args)
    }
    def getProperty(String name) {
        if (name == 'calls') return calls
        throw new DslError("property '${name}' is not allowed at the top level")
    }
}

def secure = new SecureASTCustomizer()
secure.with {
    methodDefinitionAllowed = false
    importsWhitelist = []
    staticImportsWhitelist = []
    staticStarImportsWhitelist = []
    starImportsWhitelist = []
    indirectImportCheckEnabled = false
    tokensWhitelist = [Types.PLUS, Types.ASSIGN]
    statementsWhitelist = [BlockStatement, ExpressionStatement, ReturnStatement]
    expressionsWhitelist = [MethodCallExpression, ArgumentListExpression, TupleExpression,
                            NamedArgumentListExpression, MapExpression, MapEntryExpression,
                            ConstantExpression, ClosureExpression, ListExpression,
                            VariableExpression, BinaryExpression, DeclarationExpression,
                            EmptyExpression]
}
// `+` only joins string literals (long recipe texts); `=` only sets environment entries.
def stringLiteral = { e -> e instanceof ConstantExpression && e.value instanceof String }
def joinedLiterals
joinedLiterals = { e ->
    stringLiteral(e) || (e instanceof BinaryExpression && e.operation.type == Types.PLUS
                         && joinedLiterals(e.leftExpression) && stringLiteral(e.rightExpression))
}
// `@Library('name@version') _` (Bittern's shared library) is the only declaration allowed.
def libraryLoad = { e ->
    (e instanceof DeclarationExpression && e.variableExpression.name == '_' &&
            e.rightExpression instanceof EmptyExpression &&
            e.annotations*.classNode*.name == ['Library'])
}
secure.addExpressionCheckers({ e ->
    if (e instanceof DeclarationExpression) return libraryLoad(e)
    if (!(e instanceof BinaryExpression)) return true
    if (e.operation.type == Types.ASSIGN)
        return e.leftExpression instanceof VariableExpression && stringLiteral(e.rightExpression)
    return joinedLiterals(e)
} as SecureASTCustomizer.ExpressionChecker)
def config = new CompilerConfiguration()
config.scriptBaseClass = PipelineScript.name
config.addCompilationCustomizers(secure)
// Jenkins' @Library annotation, so `@Library('…') _` resolves as it does in a Jenkinsfile.
def annotations = new GroovyClassLoader(this.class.classLoader)
annotations.parseClass('@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.SOURCE) '
        + '@interface Library { String[] value() }')
def loader = new GroovyClassLoader(annotations, config)

def results = [:]
int failures = 0
args.drop(1).each { path ->
    try {
        // Reflection runs the compiled body directly; every call inside it is intercepted.
        Class cls = loader.parseClass(new File(path).getText('UTF-8'), 'WorkflowScript')
        def script = cls.newInstance()
        cls.getMethod('run').invoke(script)
        results[path] = [ok: true, calls: script.calls]
    } catch (Throwable t) {
        while (t instanceof java.lang.reflect.InvocationTargetException) t = t.cause
        failures++
        results[path] = [ok: false, error: (t.class.simpleName + ": " + t.message).take(400)]
    }
}
new File(args[0]).setText(JsonOutput.toJson(results), 'UTF-8')
println "checked ${args.length - 1} files, ${failures} failed"
