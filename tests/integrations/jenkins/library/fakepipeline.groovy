// SPDX-License-Identifier: GPL-3.0-or-later
// Runs Bittern's shared library (integrations/jenkins/vars/*.groovy) against a small fake of the
// Pipeline steps, in one JVM:
//   groovy fakepipeline.groovy VARS_DIR
// 1. Every vars/*.groovy must compile. 2. bittenRecipe is run in scenarios (onerror fail,
// continue, ignore; reports present and missing; bad arguments) and the calls it makes to the
// fake steps are compared with the expected sequence. Prints one line per scenario; exits 1 if
// any failed.

import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.customizers.ImportCustomizer

class FakeStepError extends RuntimeException {
    FakeStepError(String message) { super(message) }
}

/** The fake Pipeline: steps as closures in the script's binding, every call recorded. */
class FakePipeline {
    List<String> calls = []
    Map<String, Integer> exitCodes = [:] // sh label → exit code
    Map<String, String> files = [:]      // workspace path → content
    Map currentBuild = [result: 'SUCCESS', description: null]
    Map env = [BITTEN_PLATFORM: 'linux']
    Map<String, Map> arguments = [:]     // last arguments per step name

    Binding binding() {
        Binding b = new Binding()
        b.setVariable('env', env)
        b.setVariable('currentBuild', currentBuild)
        b.setVariable('sh', { Map a ->
            record('sh', a, a.label as String)
            int code = exitCodes.get(a.label as String, 0)
            if (code != 0) throw new FakeStepError('script returned exit code ' + code)
            return null
        })
        b.setVariable('error', { String message ->
            record('error', [message: message], message)
            throw new FakeStepError(message)
        })
        b.setVariable('catchError', { Map a, Closure body ->
            record('catchError', a, a.buildResult as String)
            try {
                body()
            } catch (FakeStepError e) {
                calls << ('caught:' + e.message)
                if (a.buildResult == 'FAILURE') currentBuild.result = 'FAILURE'
            }
            return null
        })
        b.setVariable('fileExists', { String path -> files.containsKey(path) })
        b.setVariable('readFile', { Map a ->
            record('readFile', a, a.file as String)
            if (!files.containsKey(a.file)) throw new FakeStepError('no file ' + a.file)
            return files[a.file]
        })
        b.setVariable('readJSON', { Map a -> throw new FakeStepError('readJSON is not installed') })
        b.setVariable('junit', { Map a -> record('junit', a, a.testResults as String) })
        b.setVariable('recordCoverage', { Map a -> record('recordCoverage', a, a.id as String) })
        b.setVariable('issues', { Map a -> [tool: 'issues'] + a })
        b.setVariable('recordIssues', { Map a ->
            record('recordIssues', a, (a.tools[0] as Map).id as String)
        })
        b.setVariable('archiveArtifacts', { Map a -> record('archiveArtifacts', a, a.artifacts as String) })
        b.setVariable('echo', { String m -> record('echo', [message: m], m) })
        b.setVariable('stage', { String name, Closure body -> record('stage', [:], name); body() })
        return b
    }

    void record(String step, Map a, String key) {
        calls << (step + ':' + key)
        arguments[step] = a
    }
}

String report(String step, String status, Map extra = [:]) {
    return groovy.json.JsonOutput.toJson([schema: 'bittern-report', version: '1.0', step: step,
                                          status: status, onerror: 'fail', duration: 1.0,
                                          errors: [], properties: [:], urls: [], files: [:]] + extra)
}

// Jenkins compiles library code with com.cloudbees.groovy.cps.NonCPS imported; so do we.
GroovyClassLoader loader = new GroovyClassLoader(this.class.classLoader)
loader.parseClass('package com.cloudbees.groovy.cps\n' +
        'import java.lang.annotation.*\n' +
        '@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD) @interface NonCPS {}\n')
CompilerConfiguration jenkinsLike = new CompilerConfiguration()
jenkinsLike.addCompilationCustomizers(new ImportCustomizer().addImports('com.cloudbees.groovy.cps.NonCPS'))
Closure<GroovyShell> shellFor = { Binding b -> new GroovyShell(loader, b, jenkinsLike) }

File varsDir = new File(args[0])
File library = new File(varsDir, 'bittenRecipe.groovy')
List<String> failures = []

// 1. Compile every library file (syntax and class generation, as Jenkins' Groovy 2.4 does).
varsDir.listFiles().findAll { it.name.endsWith('.groovy') }.sort().each { File f ->
    try {
        shellFor(new Binding()).parse(f)
        println "ok compile ${f.name}"
    } catch (Throwable t) {
        failures << "compile ${f.name}: ${t.message}"
        println "FAIL compile ${f.name}: ${t.message}"
    }
}

Map runScenario(Closure<GroovyShell> shellFor, File library, FakePipeline fake, Map args) {
    Script script = shellFor(fake.binding()).parse(library)
    try {
        Object result = script.invokeMethod('call', [args] as Object[])
        return [result: result, thrown: null]
    } catch (FakeStepError e) {
        return [result: null, thrown: e.message]
    }
}

List<Map> scenarios = []
Map standardSteps = [steps: [[id: 'checkout', onerror: 'fail', script: 'svn checkout x'],
                             [id: 'test', onerror: 'continue'],
                             [id: 'lint', onerror: 'ignore']]]

scenarios << [name: 'onerror=fail stops at the failing step and still publishes',
    args: [steps: [[id: 'checkout', onerror: 'fail', script: 'svn checkout x'],
                   [id: 'test', onerror: 'fail'],
                   [id: 'lint', onerror: 'ignore']]],
    exit: [test: 1],
    files: ['.bittern/reports/2/junit.xml': '<testsuite/>',
            '.bittern/reports/2/report.json': report('test', 'failure',
                    [tests: [total: 3, passed: 2, failed: 1, errors: 0, ignored: 0, other: 0]])],
    thrown: 'script returned exit code 1',
    calls: ['sh:checkout', 'sh:test', 'junit:.bittern/reports/**/junit.xml',
            'archiveArtifacts:.bittern/reports/**', 'readFile:.bittern/reports/2/report.json'],
    description: 'linux: tests 2 passed, 1 failed, 0 skipped; failed steps: test']

scenarios << [name: 'onerror=continue marks FAILURE and runs the later steps',
    args: standardSteps, exit: [test: 2],
    files: ['.bittern/reports/2/junit.xml': '<testsuite/>',
            '.bittern/reports/2/cobertura.xml': '<coverage/>',
            '.bittern/reports/2/report.json': report('test', 'failure',
                    [tests: [total: 4, passed: 2, failed: 1, errors: 1, ignored: 0, other: 0],
                     coverage: [percentage: 87.5, lines: 400, coveredLines: 350, files: 2]]),
            '.bittern/reports/3/issues.json': '{"issues":[]}',
            '.bittern/reports/3/report.json': report('lint', 'success',
                    [lint: [total: 4, byCategory: [:]]])],
    result: 'FAILURE',
    calls: ['sh:checkout', 'catchError:FAILURE', 'sh:test', 'caught:script returned exit code 2',
            'catchError:SUCCESS', 'sh:lint', 'junit:.bittern/reports/**/junit.xml',
            'recordCoverage:coverage-1', 'recordIssues:lint-1',
            'archiveArtifacts:.bittern/reports/**',
            'readFile:.bittern/reports/2/report.json', 'readFile:.bittern/reports/3/report.json'],
    description: 'linux: tests 2 passed, 2 failed, 0 skipped; coverage 87.50% of 400 lines; ' +
                 'lint 4 problems; failed steps: test']

scenarios << [name: 'onerror=ignore keeps SUCCESS',
    args: standardSteps, exit: [lint: 1], files: [:], result: 'SUCCESS',
    calls: ['sh:checkout', 'catchError:FAILURE', 'sh:test', 'catchError:SUCCESS', 'sh:lint',
            'caught:script returned exit code 1', 'archiveArtifacts:.bittern/reports/**'],
    description: 'linux: no reports']

scenarios << [name: 'missing reports publish nothing but the archive',
    args: [steps: [[id: 'test', onerror: 'fail']], id: '2', name: 'win'],
    exit: [:], files: [:], result: 'SUCCESS',
    calls: ['sh:test', 'archiveArtifacts:.bittern/reports/**'],
    description: 'win: no reports']

scenarios << [name: 'a step that cannot run fails with its message',
    args: [steps: [[id: 'port', onerror: 'fail', error: 'Bitten step port cannot run here']]],
    exit: [:], files: [:], thrown: 'Bitten step port cannot run here',
    calls: ['error:Bitten step port cannot run here'], description: 'linux: no reports']

scenarios << [name: 'native steps only: nothing to publish',
    args: [steps: [[id: 'build', script: 'make']]], exit: [:], files: [:], result: 'SUCCESS',
    calls: ['sh:build'], description: 'linux: no reports']

scenarios << [name: 'bad onerror is refused before anything runs',
    args: [steps: [[id: 'x', onerror: 'sometimes']]], exit: [:], files: [:],
    thrown: 'bittenRecipe: step x has onerror=sometimes; use fail, continue or ignore.',
    calls: ['error:bittenRecipe: step x has onerror=sometimes; use fail, continue or ignore.'],
    description: null]

scenarios << [name: 'no steps is refused',
    args: [:], exit: [:], files: [:], thrown: 'bittenRecipe: no steps given.',
    calls: ['error:bittenRecipe: no steps given.'], description: null]

for (Map s : scenarios) {
    FakePipeline fake = new FakePipeline(exitCodes: s.exit, files: s.files)
    Map outcome = runScenario(shellFor, library, fake, s.args as Map)
    List<String> problems = []
    if (fake.calls != s.calls)
        problems << "calls ${fake.calls} != expected ${s.calls}"
    if (outcome.thrown != s.thrown)
        problems << "thrown '${outcome.thrown}' != expected '${s.thrown}'"
    if (s.result && fake.currentBuild.result != s.result)
        problems << "result ${fake.currentBuild.result} != expected ${s.result}"
    if (fake.currentBuild.description != s.description)
        problems << "description '${fake.currentBuild.description}' != expected '${s.description}'"
    if (problems) {
        failures << (s.name + ': ' + problems.join('; '))
        println "FAIL ${s.name}: ${problems.join('; ')}"
    } else {
        println "ok ${s.name}"
    }
}

// The agent command line: shell-quoted words, runtime values from the environment.
FakePipeline fake = new FakePipeline(exitCodes: [:], files: [:])
runScenario(shellFor, library, fake, [steps: [[id: "it's", onerror: 'fail']], agent: '/opt/b agent',
                             recipe: 'r.xml'])
String expected = "rm -rf '.bittern/reports/1'\n'/opt/b agent' step 'r.xml' --step 'it'\\''s' " +
        "--report-dir '.bittern/reports/1' -D \"revision=\$REVISION\" " +
        "-D \"build=\$BITTERN_REQUEST_ID\" -D \"config=\$BITTEN_CONFIG\" " +
        "-D \"path=\$BITTEN_PATH\" -D \"platform=\$BITTEN_PLATFORM\""
if (fake.arguments.sh?.script != expected) {
    failures << "agent script: ${fake.arguments.sh?.script}"
    println "FAIL agent script:\n${fake.arguments.sh?.script}\nexpected:\n${expected}"
} else {
    println 'ok agent script quotes every word'
}
// The publishing arguments (jenkins-contract §5).
fake = new FakePipeline(exitCodes: [:], files: ['.bittern/reports/1/junit.xml': '',
        '.bittern/reports/1/cobertura.xml': '', '.bittern/reports/1/issues.json': ''])
runScenario(shellFor, library, fake, [steps: [[id: 't']], id: '3', name: 'mac'])
Map expectedArguments = [
    junit: [testResults: '.bittern/reports/**/junit.xml', allowEmptyResults: true,
            keepProperties: true, skipPublishingChecks: true],
    recordCoverage: [tools: [[parser: 'COBERTURA', pattern: '.bittern/reports/**/cobertura.xml']],
                     id: 'coverage-3', name: 'Coverage mac', sourceCodeRetention: 'NEVER',
                     skipPublishingChecks: true, enabledForFailure: true],
    recordIssues: [tools: [[tool: 'issues', pattern: '.bittern/reports/**/issues.json',
                            id: 'lint-3', name: 'Lint mac']],
                   enabledForFailure: true, skipPublishingChecks: true],
    archiveArtifacts: [artifacts: '.bittern/reports/**', allowEmptyArchive: true,
                       fingerprint: false]]
expectedArguments.each { String step, Map a ->
    if (fake.arguments[step].toString() != a.toString()) {
        failures << "${step} arguments ${fake.arguments[step]}"
        println "FAIL ${step} arguments ${fake.arguments[step]} != ${a}"
    } else {
        println "ok ${step} arguments"
    }
}

println failures ? "${failures.size()} FAILED" : 'all passed'
System.exit(failures ? 1 : 0)
