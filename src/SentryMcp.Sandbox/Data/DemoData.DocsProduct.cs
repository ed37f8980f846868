namespace SentryMcp.Sandbox;

public sealed partial class DemoData
{
    private void SeedProductDocs()
    {
        AddDoc("Product", "product/alerts", "Alerts",
            "Create issue alerts and metric alerts, choose conditions and thresholds, and route notifications.",
            """
            # Alerts

            Alerts notify your team when something needs attention. Sentry has two kinds:

            - **Issue alerts** fire on events of individual issues: a new issue is created, a resolved
              issue regresses, an issue is seen more than N times in an interval.
            - **Metric alerts** fire when an aggregate crosses a threshold: error count, crash-free
              session rate, p95 transaction duration, failure rate.

            ## Create an alert

            Go to **Alerts > Create Alert**, pick the project and the alert type, then:

            1. Set the **conditions** (WHEN), for example "A new issue is created".
            2. Add **filters** (IF), for example "The event's level is error" or "The issue is assigned to team #backend".
            3. Choose **actions** (THEN): e-mail, Slack, Microsoft Teams, PagerDuty, Opsgenie or a webhook.
            4. Set the **action interval** so a noisy issue does not notify every minute.

            ## Metric alert thresholds

            Metric alerts have *critical* and *warning* thresholds and an optional *resolve* threshold.
            Dynamic thresholds learn the normal pattern of the metric and fire on anomalies.

            ## Ownership

            Alerts can notify *suggested assignees*: owners from ownership rules or CODEOWNERS, or the
            authors of suspect commits.

            ## Tips

            - Start with "new issue" and "regression" alerts per project.
            - Add a metric alert on the crash-free session rate for each release.
            - Route by environment so staging does not page anyone.
            """);

        AddDoc("Concepts", "concepts/search", "Search",
            "Sentry's search syntax: key:value tokens, negation, wildcards, comparison operators, OR and AND.",
            """
            # Search

            Search is available on the Issues, Discover, Traces and Releases pages. Queries combine
            free text with `key:value` tokens.

            ## Syntax

            - `is:unresolved`, `is:resolved`, `is:ignored`, `is:assigned`, `is:unassigned`
            - `level:error`, `environment:production`, `release:api-backend@1.8.0`
            - `assigned:me`, `assigned:#backend`, `bookmarks:me`
            - `browser.name:Chrome`, `os.name:Android`, `url:*checkout*`
            - Free text matches the title and culprit: `"database is locked"`

            ## Operators

            - Negation: `!environment:staging`
            - Wildcards: `transaction:/api/orders/*`
            - Comparison: `times_seen:>100`, `transaction.duration:>2s`, `count():>50`
            - Lists: `release:[1.8.0, 1.9.0]`
            - Boolean: `level:error OR level:fatal`; tokens separated by a space are combined with AND.
              Parentheses group: `(browser.name:Chrome OR browser.name:Firefox) is:unresolved`

            ## Relative dates

            `firstSeen:-24h`, `lastSeen:+7d` (older than seven days), `age:-1h`.

            ## Stack trace search

            - `stack.filename:app/views/users.py`
            - `stack.function:charge`
            - `stack.module:app.views`
            - `error.type:TimeoutException`, `error.value:"did not answer"`, `error.handled:false`

            ## Saved searches

            Save a query from the search bar so the team can reuse it; pin it to make it your default view.
            """);

        AddDoc("Concepts", "concepts/data-management/event-grouping", "Issue Grouping",
            "How Sentry groups events into issues with fingerprints, stack traces and grouping rules.",
            """
            # Issue Grouping

            Every event gets a *fingerprint*. Events with the same fingerprint belong to the same issue.

            ## Default grouping

            Sentry computes the fingerprint from, in order of preference:

            1. The **stack trace**: in-app frames, by module, filename and function (line numbers are
               ignored so that unrelated edits do not split issues).
            2. The **exception** type and value, when there is no usable stack trace.
            3. The **message**, with numbers and identifiers normalized.

            The **Event Grouping Information** section of an event shows which components contributed.

            ## Custom fingerprints in the SDK

            ```python
            with sentry_sdk.new_scope() as scope:
                scope.fingerprint = ["payment-provider-timeout", provider_name]
                sentry_sdk.capture_exception(exc)
            ```

            Use `{{ default }}` in a fingerprint to extend the default grouping instead of replacing it.

            ## Fingerprint rules

            In **Project Settings > Issue Grouping**:

            ```
            error.type:TimeoutException -> payment-timeouts
            message:"database is locked" -> db-locked
            ```

            ## Stack trace rules

            Mark frames in-app or not, so that vendor code does not decide the grouping:

            ```
            stack.module:django.* -app
            stack.function:retry_* -group
            ```

            ## Merging and unmerging

            Merge similar issues from the issue list; unmerge fingerprints from the **Merged Issues** tab.
            AI-assisted grouping also merges issues whose stack traces are semantically the same.
            """);

        AddDoc("Product", "product/releases", "Releases",
            "Create releases, associate commits, track deploys, crash-free sessions and regressions per release.",
            """
            # Releases

            A release is a version of your code deployed to an environment. Releases let Sentry find
            which version introduced an issue, show suspect commits and compute release health.

            ## Name the release in the SDK

            Set `release` in the SDK (`web-frontend@2.4.1`). Build plugins and `sentry-cli` can infer it
            from the git commit.

            ## Create a release with sentry-cli

            ```bash
            export SENTRY_ORG=acme SENTRY_PROJECT=api-backend
            VERSION=$(sentry-cli releases propose-version)
            sentry-cli releases new "$VERSION"
            sentry-cli releases set-commits "$VERSION" --auto
            sentry-cli releases finalize "$VERSION"
            sentry-cli deploys new --release "$VERSION" -e production
            ```

            ## Associate commits

            With the GitHub, GitLab or Bitbucket integration installed, `set-commits --auto` links the
            commits since the previous release. Sentry then shows **suspect commits** on issues and can
            resolve issues with `Fixes API-BACKEND-1` in a commit message.

            ## Release health

            With session tracking (on by default in mobile and browser SDKs) each release shows
            crash-free sessions and users, adoption and session counts.

            ## Regressions

            An issue resolved "in the next release" reopens as a regression when it happens again in a
            newer release.
            """);

        AddDoc("Product", "product/ai-in-sentry/seer", "Seer",
            "Seer, Sentry's AI debugging agent: issue summaries, root cause analysis and suggested code fixes.",
            """
            # Seer

            Seer is Sentry's AI agent for debugging. It uses the issue's events, stack traces, traces,
            logs and your connected repositories to explain and fix problems.

            ## Features

            - **Issue Summary**: a short explanation of what happened, shown at the top of an issue.
            - **Root Cause Analysis**: Seer investigates the issue and proposes the most likely root
              cause with the relevant code.
            - **Solution and code changes**: Seer plans a fix and can write the change and open a pull request.
            - **Fixability score**: how likely an issue is to be fixed automatically; issues with a high
              score can be analysed automatically.

            ## Set up

            1. An organization owner enables Seer under **Settings > Seer** and accepts the terms.
            2. Connect your source code with the GitHub integration and add repositories to Seer so it
               can read the code.
            3. Open an issue and click **Find Root Cause**.

            ## Automation

            In **Settings > Seer > Automation** choose when Seer runs on its own (for example for highly
            actionable issues) and how far it goes: root cause only, solution, or open a pull request.

            ## From your editor

            The Sentry MCP server exposes Seer as the `analyze_issue_with_seer` tool, so coding
            assistants can fetch the root cause and suggested fix for an issue.

            ## Data

            Seer is billed separately. Its models do not train on your data.
            """);

        AddDoc("Product", "product/explore/trace-explorer", "Trace Explorer",
            "Search spans across traces, aggregate span durations and open distributed traces in the waterfall view.",
            """
            # Trace Explorer

            The Trace Explorer searches spans from every service. Use it to find slow endpoints,
            expensive database queries or failing HTTP calls, then open the trace that contains them.

            ## Query spans

            - `span.op:db span.duration:>500ms`
            - `span.description:"SELECT * FROM orders*"`
            - `transaction:/api/checkout project:api-backend`

            ## Aggregates

            Switch to **Aggregates** to chart `p95(span.duration)`, `count()` or `avg(span.self_time)`
            grouped by `span.description` or `transaction`.

            ## The trace view

            A trace shows every transaction and span of a request across services, in a waterfall.
            Errors that happened during the trace appear inline, linked to their issues, and web
            vitals and profiles are attached where available.

            ## Sampling

            Traces are sampled in the SDK (`tracesSampleRate`). Dynamic sampling can keep more of the
            rare and less of the frequent transactions.
            """);
    }
}
