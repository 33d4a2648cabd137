// SPDX-License-Identifier: GPL-3.0-or-later
// Bittern's Jenkins shared library: the `bittenRecipe` step (see bittenRecipe.txt and
// docs/JENKINS.md). Runs the Bitten steps of one configuration on the current node, each with
// Bitten's onerror semantics, publishes the agent's reports with junit / recordCoverage /
// recordIssues / archiveArtifacts and adds a one-line summary to the build description.
//
// Data from the recipe only ever reaches the shell as single-quoted words (shellWord) and
// Groovy only as values; nothing here builds Groovy source or GStrings from it.

import groovy.json.JsonSlurperClassic

/**
 * bittenRecipe(steps: [...], recipe: '.bittern/recipe.xml', reportRoot: '.bittern/reports',
 *              agent: 'bittern-agent', id: '1', name: 'linux')
 * Each step is a map: id (the Bitten step id), onerror ('fail', 'continue', 'ignore'), and
 * either script (a native shell step), error (a step that cannot run: fails with this text) or
 * neither (run through `bittern-agent step`; reportDir defaults to reportRoot/N).
 * Returns the summary as a map.
 */
def call(Map args = [:]) {
    Map options = bittenRecipeOptions(args)
    List agentDirs = []
    Map summary = null
    try {
        for (int i = 0; i < options.steps.size(); i++) {
            bittenRecipeStep(options, options.steps[i] as Map, i, agentDirs)
        }
    } finally {
        // Also when a step with onerror=fail stopped the build: its reports matter most then.
        bittenRecipePublish(options, agentDirs)
        summary = bittenRecipeSummary(options, agentDirs)
    }
    return summary
}

/** Checks the arguments and fills in the defaults. */
def bittenRecipeOptions(Map args) {
    List steps = (args.steps ?: []) as List
    if (steps.isEmpty()) {
        error('bittenRecipe: no steps given.')
    }
    for (int i = 0; i < steps.size(); i++) {
        Map step = steps[i] as Map
        if (!step.id) {
            error('bittenRecipe: step ' + (i + 1) + ' has no id.')
        }
        String onerror = (step.onerror ?: 'fail') as String
        if (!(onerror in ['fail', 'continue', 'ignore'])) {
            error('bittenRecipe: step ' + step.id + ' has onerror=' + onerror
                  + '; use fail, continue or ignore.')
        }
    }
    String id = args.id != null ? args.id as String : '1'
    return [steps     : steps,
            recipe    : (args.recipe ?: '.bittern/recipe.xml') as String,
            reportRoot: (args.reportRoot ?: '.bittern/reports') as String,
            agent     : (args.agent ?: 'bittern-agent') as String,
            id        : id,
            name      : (args.name ?: (env.BITTEN_PLATFORM ?: id)) as String]
}

/** Runs one Bitten step with its onerror policy (bitten-spec §1.4). */
def bittenRecipeStep(Map options, Map step, int index, List agentDirs) {
    String stepId = step.id as String
    String onerror = (step.onerror ?: 'fail') as String
    Closure body
    if (step.error != null) {
        body = { error(step.error as String) }
    } else if (step.script != null) {
        body = { sh(label: stepId, script: step.script as String) }
    } else {
        String dir = (step.reportDir ?: options.reportRoot + '/' + (index + 1)) as String
        // Recorded before it runs: a failing step may still have written reports.
        agentDirs << dir
        String script = bittenRecipeAgentScript(options, stepId, dir)
        body = { sh(label: stepId, script: script) }
    }
    if (onerror == 'fail') {
        body()
    } else {
        String result = onerror == 'ignore' ? 'SUCCESS' : 'FAILURE'
        catchError(buildResult: result, stageResult: result, catchInterruptions: false,
                   message: 'Bitten step ' + stepId + ' failed (onerror=' + onerror + ')') {
            body()
        }
    }
}

/** The shell text that runs one step through the agent; runtime values come from the
 *  environment the generated job sets, expanded by the shell, never by Groovy. */
@NonCPS
String bittenRecipeAgentScript(Map options, String stepId, String dir) {
    String script = 'rm -rf ' + bittenRecipeShellWord(dir) + '\n' +
            bittenRecipeShellWord(options.agent as String) + ' step ' +
            bittenRecipeShellWord(options.recipe as String) +
            ' --step ' + bittenRecipeShellWord(stepId) +
            ' --report-dir ' + bittenRecipeShellWord(dir)
    Map variables = [revision: 'REVISION', build: 'BITTERN_REQUEST_ID', config: 'BITTEN_CONFIG',
                     path    : 'BITTEN_PATH', platform: 'BITTEN_PLATFORM']
    for (Map.Entry entry : variables.entrySet()) {
        script += ' -D "' + entry.key + '=$' + entry.value + '"'
    }
    return script
}

/** One POSIX shell word: 'text', each ' written as '\''. */
@NonCPS
String bittenRecipeShellWord(String text) {
    return "'" + text.replace("'", "'\\''") + "'"
}

/** Publishes what the agent steps wrote; a kind nobody wrote is not published at all. */
def bittenRecipePublish(Map options, List agentDirs) {
    if (agentDirs.isEmpty()) {
        return
    }
    Map found = [junit: false, cobertura: false, issues: false]
    for (int i = 0; i < agentDirs.size(); i++) {
        String dir = agentDirs[i] as String
        found.junit = found.junit || fileExists(dir + '/junit.xml')
        found.cobertura = found.cobertura || fileExists(dir + '/cobertura.xml')
        found.issues = found.issues || fileExists(dir + '/issues.json')
    }
    String root = options.reportRoot as String
    if (found.junit) {
        junit(testResults: root + '/**/junit.xml', allowEmptyResults: true,
              keepProperties: true, skipPublishingChecks: true)
    }
    if (found.cobertura) {
        recordCoverage(tools: [[parser: 'COBERTURA', pattern: root + '/**/cobertura.xml']],
                       id: 'coverage-' + options.id, name: 'Coverage ' + options.name,
                       sourceCodeRetention: 'NEVER', skipPublishingChecks: true,
                       enabledForFailure: true)
    }
    if (found.issues) {
        recordIssues(tools: [issues(pattern: root + '/**/issues.json', id: 'lint-' + options.id,
                                    name: 'Lint ' + options.name)],
                     enabledForFailure: true, skipPublishingChecks: true)
    }
    archiveArtifacts(artifacts: root + '/**', allowEmptyArchive: true, fingerprint: false)
}

/** Adds "NAME: tests …; coverage …; lint …" to the build description and returns the
 *  figures, read from each agent step's report.json (docs/report-json.md). */
def bittenRecipeSummary(Map options, List agentDirs) {
    List reports = []
    for (int i = 0; i < agentDirs.size(); i++) {
        String file = (agentDirs[i] as String) + '/report.json'
        if (fileExists(file)) {
            reports << bittenRecipeParseJson(readFile(file: file, encoding: 'UTF-8') as String)
        }
    }
    Map summary = bittenRecipeTotals(reports)
    String line = options.name + ': ' + bittenRecipeDescribe(summary)
    String previous = currentBuild.description
    currentBuild.description = previous ? previous + '\n' + line : line
    return summary
}

@NonCPS
Map bittenRecipeParseJson(String text) {
    Object parsed = new JsonSlurperClassic().parseText(text)
    return parsed instanceof Map ? parsed as Map : [:]
}

/** Bitten's summarizers over the steps: test counts, line-weighted coverage, lint total. */
@NonCPS
Map bittenRecipeTotals(List reports) {
    Map totals = [reports: reports.size(), tests: null, coverage: null, lint: null,
                  failedSteps: []]
    double lines = 0
    double covered = 0
    for (Object item : reports) {
        Map report = item as Map
        if (report.status == 'failure') {
            totals.failedSteps << (report.step as String)
        }
        if (report.tests instanceof Map) {
            Map t = totals.tests ?: [passed: 0, failed: 0, skipped: 0]
            t.passed += (report.tests.passed ?: 0) as int
            t.failed += ((report.tests.failed ?: 0) as int) + ((report.tests.errors ?: 0) as int) +
                    ((report.tests.other ?: 0) as int)
            t.skipped += (report.tests.ignored ?: 0) as int
            totals.tests = t
        }
        if (report.coverage instanceof Map) {
            lines += (report.coverage.lines ?: 0) as double
            covered += (report.coverage.coveredLines ?: 0) as double
            totals.coverage = [lines: lines as long, percentage: lines > 0 ? covered * 100 / lines : 0]
        }
        if (report.lint instanceof Map) {
            totals.lint = ((totals.lint ?: 0) as int) + ((report.lint.total ?: 0) as int)
        }
    }
    return totals
}

@NonCPS
String bittenRecipeDescribe(Map totals) {
    List parts = []
    if (totals.tests != null) {
        parts << ('tests ' + totals.tests.passed + ' passed, ' + totals.tests.failed +
                  ' failed, ' + totals.tests.skipped + ' skipped')
    }
    if (totals.coverage != null) {
        parts << ('coverage ' + String.format(Locale.ROOT, '%.2f', totals.coverage.percentage) +
                  '% of ' + totals.coverage.lines + ' lines')
    }
    if (totals.lint != null) {
        parts << ('lint ' + totals.lint + (totals.lint == 1 ? ' problem' : ' problems'))
    }
    if (!totals.failedSteps.isEmpty()) {
        parts << ('failed steps: ' + totals.failedSteps.join(', '))
    }
    return parts.isEmpty() ? 'no reports' : parts.join('; ')
}
