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
        steps   : ['sh', 'writeFile', 'catchError', 'error', 'timeout'],
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
        if (!CONTEXTS[context].contains(name))
            throw new DslError("call of '${name}' is not allowed in the ${context} block")
        def list = (args as List)
        def closure = list && list.last() instanceof Closure ? list.last() : null
        def plain = closure ? list.subList(0, list.size() - 1) : list
        def call = [call: name, context: context, args: plain.collect { normalise(it) }]
        calls << call
        if (closure) {
            def inner = new Dsl(BLOCKS[name] ?: 'none', calls)
            closure.resolveStrategy = Closure.DELEGATE_ONLY
            closure.delegate = inner
            closure.call()
            calls << [call: 'end:' + name]
        }
        return [dsl: name]
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

    static def normalise(Object value) {
        if (value instanceof Map) return value.collectEntries { k, v -> [(k): normalise(v)] }
        if (value instanceof List) return value.collect { normalise(it) }
        if (value instanceof GString) throw new DslError('GString argument')
        return value
    }
}

abstract class PipelineScript extends Script implements GroovyInterceptable {
    List calls = []
    def invokeMethod(String name, Object args) {
        if (name == 'run') return metaClass.invokeMethod(this, name, args)
        return new Dsl('top', calls).invokeMethod(name, args)
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
                            VariableExpression, BinaryExpression]
}
def config = new CompilerConfiguration()
config.scriptBaseClass = PipelineScript.name
config.addCompilationCustomizers(secure)
def shell = new GroovyShell(this.class.classLoader, new Binding(), config)

def results = [:]
int failures = 0
args.drop(1).each { path ->
    try {
        def script = shell.parse(new File(path).getText('UTF-8'), 'WorkflowScript')
        script.run()
        results[path] = [ok: true, calls: script.calls]
    } catch (Throwable t) {
        failures++
        results[path] = [ok: false, error: (t.class.simpleName + ": " + t.message).take(400)]
    }
}
new File(args[0]).setText(JsonOutput.toJson(results), 'UTF-8')
println "checked ${args.length - 1} files, ${failures} failed"
