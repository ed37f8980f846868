namespace SentryMcp.Sandbox;

/// <summary>A page of the sandbox's copy of the Sentry docs site, served as <c>/{Path}.md</c>.</summary>
public sealed class SandboxDocPage
{
    /// <summary>Path without leading slash and without <c>.md</c>, e.g. <c>platforms/python/guides/django</c>.</summary>
    public required string Path { get; init; }
    public required string Section { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Markdown { get; init; }
}

public sealed partial class DemoData
{
    public List<SandboxDocPage> DocPages { get; } = [];

    public SandboxDocPage? DocPage(string path) => DocPages.FirstOrDefault(p => string.Equals(p.Path, path, StringComparison.Ordinal));

    private void AddDoc(string section, string path, string title, string description, string markdown) =>
        DocPages.Add(new SandboxDocPage { Section = section, Path = path, Title = title, Description = description, Markdown = markdown });

    partial void SeedDocs()
    {
        SeedPlatformDocs();
        SeedProductDocs();
    }

    private void SeedPlatformDocs()
    {
        AddDoc("Platforms", "platforms/javascript", "JavaScript",
            "Set up the Sentry JavaScript SDK in the browser: install, initialize with your DSN, verify.",
            """
            # JavaScript

            Sentry's JavaScript SDK captures errors, performance data and replays from browser applications.
            If you use a framework, prefer its dedicated guide (React, Next.js, Vue, Angular…): it adds
            framework-specific integrations on top of what is described here.

            ## Install

            ```bash
            npm install @sentry/browser --save
            ```

            ## Configure

            Initialize Sentry as early as possible in your application's lifecycle, before any other code runs:

            ```javascript
            import * as Sentry from "@sentry/browser";

            Sentry.init({
              dsn: "https://examplePublicKey@o0.ingest.sentry.io/0",
              integrations: [Sentry.browserTracingIntegration(), Sentry.replayIntegration()],
              tracesSampleRate: 1.0,
              replaysSessionSampleRate: 0.1,
              replaysOnErrorSampleRate: 1.0,
            });
            ```

            The `dsn` tells the SDK where to send events. You find it in **Project Settings > Client Keys (DSN)**.

            ## Verify

            Throw an error from a button handler and check that it shows up on the **Issues** page:

            ```javascript
            document.getElementById("break").addEventListener("click", () => {
              throw new Error("This is your first error!");
            });
            ```

            ## Next steps

            - Upload [source maps](/platforms/javascript/sourcemaps/) so stack traces show your original code.
            - Configure [tracing](/platforms/javascript/tracing/) to measure page loads and API calls.
            - Turn on [Session Replay](/platforms/javascript/session-replay/) to see what users did before an error.
            """);

        AddDoc("Platforms", "platforms/javascript/guides/react", "React",
            "Install @sentry/react, wrap your app with an error boundary, and trace React Router navigations.",
            """
            # React

            The `@sentry/react` package builds on the browser SDK and adds React-specific features:
            an error boundary component, component names in stack traces and routing instrumentation.

            ## Install

            ```bash
            npm install @sentry/react --save
            ```

            ## Configure

            Create `instrument.js` and import it first, before `react-dom` renders anything:

            ```javascript
            import * as Sentry from "@sentry/react";

            Sentry.init({
              dsn: "https://examplePublicKey@o0.ingest.sentry.io/0",
              sendDefaultPii: true,
              integrations: [
                Sentry.reactRouterV7BrowserTracingIntegration({ useEffect, useLocation, useNavigationType, createRoutesFromChildren, matchRoutes }),
                Sentry.replayIntegration(),
              ],
              tracesSampleRate: 1.0,
              tracePropagationTargets: ["localhost", /^https:\/\/api\.example\.com/],
              replaysSessionSampleRate: 0.1,
              replaysOnErrorSampleRate: 1.0,
            });
            ```

            ## Error boundary

            React swallows render errors unless a boundary reports them. Wrap your tree with
            `Sentry.ErrorBoundary` to capture them with the component stack attached:

            ```jsx
            <Sentry.ErrorBoundary fallback={<p>Something went wrong</p>} showDialog>
              <App />
            </Sentry.ErrorBoundary>
            ```

            With React 19, pass `Sentry.reactErrorHandler()` to `createRoot`'s `onUncaughtError`,
            `onCaughtError` and `onRecoverableError` options instead.

            ## Source maps

            Production builds are minified. Run the Sentry wizard to upload source maps from your build:

            ```bash
            npx @sentry/wizard@latest -i sourcemaps
            ```

            ## Verify

            Render a component that throws and check the **Issues** page of your project.
            """);

        AddDoc("Platforms", "platforms/javascript/sourcemaps", "Source Maps (JavaScript)",
            "Upload source maps so minified stack traces are shown with original file names, lines and code.",
            """
            # Source Maps

            Minified JavaScript makes stack traces unreadable: `a.js:1:34512` instead of
            `src/components/OrderList.tsx:42`. Source maps let Sentry translate frames back to your
            original source files.

            ## Recommended: the wizard

            ```bash
            npx @sentry/wizard@latest -i sourcemaps
            ```

            The wizard detects your bundler (webpack, Vite, Rollup, esbuild) or framework, installs
            the matching plugin and creates an auth token stored in `.env.sentry-build-plugin`.

            ## Vite

            ```javascript
            import { sentryVitePlugin } from "@sentry/vite-plugin";

            export default defineConfig({
              build: { sourcemap: true },
              plugins: [
                sentryVitePlugin({ org: "acme", project: "web-frontend", authToken: process.env.SENTRY_AUTH_TOKEN }),
              ],
            });
            ```

            ## webpack

            ```javascript
            const { sentryWebpackPlugin } = require("@sentry/webpack-plugin");

            module.exports = {
              devtool: "source-map",
              plugins: [sentryWebpackPlugin({ org: "acme", project: "web-frontend", authToken: process.env.SENTRY_AUTH_TOKEN })],
            };
            ```

            ## Debug IDs

            The plugins inject a *debug ID* into each bundle and its source map. Sentry matches them
            by debug ID, so you no longer need to align `release` and `dist` values or URL prefixes.

            ## Troubleshooting

            - Frames still minified: check that source maps were uploaded for the build you deployed
              (`sentry-cli sourcemaps explain <event-id>` explains why a frame was not resolved).
            - Do not serve source maps publicly if you don't want to: the plugin can delete them after upload
              with `sourcemaps.filesToDeleteAfterUpload`.
            """);

        AddDoc("Platforms", "platforms/javascript/configuration/options", "Configuration Options (JavaScript)",
            "Options for Sentry.init in JavaScript: dsn, environment, release, tracesSampleRate, sampleRate, beforeSend.",
            """
            # Configuration Options

            Options are passed to `Sentry.init()`. The most common ones:

            ## Core options

            - `dsn`: where to send events. Without a DSN the SDK does not send anything.
            - `debug`: prints SDK diagnostics to the console. Do not enable in production.
            - `release`: the version of your code, e.g. `web-frontend@2.4.1`. Used to match source maps,
              find regressions and show suspect commits. Build plugins can set it for you.
            - `environment`: e.g. `production` or `staging`. Defaults to `production`. Environments are
              filters in the Sentry UI, not separate projects.
            - `sampleRate`: share of error events sent, from `0.0` to `1.0` (default `1.0`).
            - `maxBreadcrumbs`: how many breadcrumbs to keep (default `100`).
            - `sendDefaultPii`: include IP addresses and user information that may identify a person.

            ## Tracing options

            - `tracesSampleRate`: share of transactions sent, from `0.0` to `1.0`. Start with `1.0`
              while testing and lower it in production.
            - `tracesSampler`: a function returning a rate per transaction; takes precedence over `tracesSampleRate`.
            - `tracePropagationTargets`: URLs to which trace headers (`sentry-trace`, `baggage`) are attached.

            ## Hooks

            - `beforeSend(event, hint)`: change or drop an error event before it is sent. Return `null` to drop it.
            - `beforeSendTransaction(event)`: the same for transactions.
            - `beforeBreadcrumb(breadcrumb, hint)`: scrub or drop breadcrumbs.

            ```javascript
            Sentry.init({
              dsn: "https://examplePublicKey@o0.ingest.sentry.io/0",
              environment: "staging",
              release: "web-frontend@2.4.1",
              tracesSampleRate: 0.2,
              beforeSend(event) {
                if (event.user) delete event.user.email;
                return event;
              },
            });
            ```
            """);

        AddDoc("Platforms", "platforms/javascript/tracing", "Tracing (JavaScript)",
            "Enable performance monitoring in the browser: page loads, navigations, fetch requests and custom spans.",
            """
            # Set Up Tracing

            Tracing records how long page loads, navigations and requests take, and connects browser
            activity to your backend services in one distributed trace.

            ## Enable

            Add the browser tracing integration and a sample rate:

            ```javascript
            Sentry.init({
              dsn: "https://examplePublicKey@o0.ingest.sentry.io/0",
              integrations: [Sentry.browserTracingIntegration()],
              tracesSampleRate: 0.2,
              tracePropagationTargets: ["localhost", /^https:\/\/api\.example\.com/],
            });
            ```

            `tracePropagationTargets` decides which outgoing requests get the `sentry-trace` and
            `baggage` headers, so that your backend continues the same trace. Your API must allow
            these headers in CORS.

            ## Custom spans

            ```javascript
            const result = await Sentry.startSpan({ name: "checkout.validate", op: "function" }, async () => {
              return validateCart(cart);
            });
            ```

            Use `Sentry.startSpan` for work you want to measure; the span ends when the callback returns.
            `Sentry.startInactiveSpan` creates a span you end yourself.

            ## Web Vitals

            Page-load transactions include LCP, CLS, INP and TTFB. See them in **Insights > Frontend**.

            ## Sampling

            Sample rates apply per trace: the decision made in the browser is propagated to the backend,
            so a trace is either complete or absent.
            """);

        AddDoc("Platforms", "platforms/javascript/session-replay", "Session Replay (JavaScript)",
            "Record video-like reproductions of user sessions in the browser, with privacy masking and sample rates.",
            """
            # Session Replay

            Session Replay records the DOM, clicks, navigation, console and network activity of a user
            session so you can watch what happened before an error. Recordings are not videos: they are
            reconstructed from DOM snapshots, which keeps them small.

            ## Set up

            ```javascript
            Sentry.init({
              dsn: "https://examplePublicKey@o0.ingest.sentry.io/0",
              integrations: [Sentry.replayIntegration({ maskAllText: true, blockAllMedia: true })],
              replaysSessionSampleRate: 0.1,
              replaysOnErrorSampleRate: 1.0,
            });
            ```

            - `replaysSessionSampleRate`: share of all sessions recorded from the start.
            - `replaysOnErrorSampleRate`: share of sessions recorded when an error happens; the SDK keeps
              a rolling buffer of the last 60 seconds, so the replay shows what led to the error.

            ## Privacy

            By default all text is masked and all media (images, video, canvas) is blocked. Unmask
            selectively with `unmask: [".public-content"]` or the `data-sentry-unmask` attribute.
            Input values are always masked.

            ## Network details

            Capture request and response bodies for your own API with
            `networkDetailAllowUrls: [window.location.origin]`.

            ## Performance

            The replay integration is lazy-loadable (`Sentry.lazyLoadIntegration("replayIntegration")`)
            and compresses recordings in a web worker.
            """);

        AddDoc("Platforms", "platforms/python", "Python",
            "Set up the Sentry Python SDK: pip install sentry-sdk, sentry_sdk.init with your DSN, verify.",
            """
            # Python

            The `sentry-sdk` package reports errors and performance data from Python applications.
            Integrations for Django, Flask, FastAPI, Celery and many others are enabled automatically
            when the framework is installed.

            ## Install

            ```bash
            pip install --upgrade sentry-sdk
            ```

            ## Configure

            Call `sentry_sdk.init()` as early as possible, before your framework starts:

            ```python
            import sentry_sdk

            sentry_sdk.init(
                dsn="https://examplePublicKey@o0.ingest.sentry.io/0",
                send_default_pii=True,
                traces_sample_rate=1.0,
                environment="production",
                release="api-backend@1.8.0",
            )
            ```

            The DSN can also come from the `SENTRY_DSN` environment variable, the release from
            `SENTRY_RELEASE` and the environment from `SENTRY_ENVIRONMENT`.

            ## Verify

            ```python
            division_by_zero = 1 / 0
            ```

            The `ZeroDivisionError` appears on the **Issues** page within seconds.

            ## Capturing manually

            ```python
            try:
                process_order(order)
            except Exception as exc:
                sentry_sdk.capture_exception(exc)
            ```

            Use `sentry_sdk.capture_message("Something odd")` for messages, and
            `sentry_sdk.set_tag("tenant", tenant.slug)` or `sentry_sdk.set_user({"id": user.id})`
            to enrich events.
            """);

        AddDoc("Platforms", "platforms/python/guides/django", "Django",
            "Integrate Sentry with Django: settings.py init, automatic request and database instrumentation.",
            """
            # Django

            The Django integration is enabled automatically when `django` is installed. It captures
            unhandled exceptions in views and middleware, attaches request data, and traces requests,
            database queries, cache calls and template rendering.

            ## Install

            ```bash
            pip install --upgrade "sentry-sdk[django]"
            ```

            ## Configure

            Initialize the SDK in `settings.py`:

            ```python
            import sentry_sdk

            sentry_sdk.init(
                dsn="https://examplePublicKey@o0.ingest.sentry.io/0",
                send_default_pii=True,
                traces_sample_rate=1.0,
                profile_session_sample_rate=1.0,
            )
            ```

            Read the DSN from the environment rather than committing it: `dsn=os.environ.get("SENTRY_DSN")`.

            ## Verify

            Add a view that raises and open it in the browser:

            ```python
            from django.urls import path

            def trigger_error(request):
                division_by_zero = 1 / 0

            urlpatterns = [path("sentry-debug/", trigger_error)]
            ```

            ## Options

            ```python
            from sentry_sdk.integrations.django import DjangoIntegration

            sentry_sdk.init(
                dsn="...",
                integrations=[DjangoIntegration(transaction_style="url", middleware_spans=True, signals_spans=False)],
            )
            ```

            - `transaction_style`: name transactions after the URL pattern (`url`) or the view function (`function_name`).
            - `middleware_spans`: create a span per middleware.
            - `cache_spans`: create spans for cache operations.

            ## User data

            With `send_default_pii=True` the logged-in user's id, username and email are attached
            from `request.user`.
            """);

        AddDoc("Platforms", "platforms/python/configuration/options", "Configuration Options (Python)",
            "Options for sentry_sdk.init: dsn, environment, release, traces_sample_rate, sample_rate, before_send.",
            """
            # Configuration Options

            Options are keyword arguments to `sentry_sdk.init()`.

            ## Core options

            - `dsn`: where events are sent. Falls back to the `SENTRY_DSN` environment variable.
            - `release`: the version of your code; falls back to `SENTRY_RELEASE`, then to the git commit
              when the SDK can detect one.
            - `environment`: e.g. `production`, `staging`; falls back to `SENTRY_ENVIRONMENT`, default `production`.
            - `sample_rate`: share of error events sent (`0.0`–`1.0`, default `1.0`).
            - `max_breadcrumbs`: default `100`.
            - `send_default_pii`: attach user data, cookies and request bodies that may be personal.
            - `debug`: log SDK diagnostics.

            ## Tracing options

            - `traces_sample_rate`: share of transactions sent (`0.0`–`1.0`).
            - `traces_sampler`: a function receiving a sampling context and returning a rate.
            - `trace_propagation_targets`: hosts that receive `sentry-trace` and `baggage` headers.

            ## Hooks

            ```python
            def before_send(event, hint):
                if "exc_info" in hint:
                    exc_type, exc_value, tb = hint["exc_info"]
                    if isinstance(exc_value, KeyboardInterrupt):
                        return None
                return event

            sentry_sdk.init(dsn="...", before_send=before_send)
            ```

            - `before_send`: change or drop error events.
            - `before_send_transaction`: change or drop transactions.
            - `ignore_errors`: a list of exception classes never reported.
            """);

        AddDoc("Platforms", "platforms/python/tracing", "Tracing (Python)",
            "Enable tracing in Python with traces_sample_rate; create custom spans with sentry_sdk.start_span.",
            """
            # Set Up Tracing

            With tracing enabled, the Python SDK records a transaction per request or task and spans
            for database queries, HTTP calls, cache access and more.

            ## Enable

            ```python
            sentry_sdk.init(
                dsn="https://examplePublicKey@o0.ingest.sentry.io/0",
                traces_sample_rate=0.2,
            )
            ```

            ## Custom instrumentation

            ```python
            import sentry_sdk

            def checkout(cart):
                with sentry_sdk.start_span(op="function", name="validate_cart"):
                    validate(cart)
                with sentry_sdk.start_span(op="db", name="save_order"):
                    save(cart)
            ```

            Decorate functions with `@sentry_sdk.trace` to wrap them in a span.

            ## Distributed tracing

            Incoming `sentry-trace` and `baggage` headers are read automatically by the framework
            integrations, and outgoing `requests`/`httpx` calls get them added, so traces continue
            across services.

            ## Queues

            Celery tasks continue the trace of the code that enqueued them. Queue latency appears in
            **Insights > Queues**.
            """);

        AddDoc("Platforms", "platforms/dotnet", ".NET",
            "Set up the Sentry .NET SDK: dotnet add package Sentry, SentrySdk.Init with your DSN, verify.",
            """
            # .NET

            The `Sentry` NuGet package reports errors and performance data from .NET applications.
            Framework packages (`Sentry.AspNetCore`, `Sentry.Maui`, `Sentry.Extensions.Logging`…) add
            integrations on top of it.

            ## Install

            ```shell
            dotnet add package Sentry
            ```

            ## Configure

            ```csharp
            using Sentry;

            SentrySdk.Init(options =>
            {
                options.Dsn = "https://examplePublicKey@o0.ingest.sentry.io/0";
                options.Debug = false;
                options.TracesSampleRate = 1.0;
                options.Environment = "production";
                options.Release = "payments-service@3.2.0";
            });
            ```

            `SentrySdk.Init` returns an `IDisposable`; dispose it when your app exits so queued events
            are flushed.

            ## Verify

            ```csharp
            try
            {
                throw new InvalidOperationException("Test exception");
            }
            catch (Exception ex)
            {
                SentrySdk.CaptureException(ex);
            }
            ```

            ## Symbols and source context

            Sentry shows source lines in stack traces when portable PDBs are available. Upload them with
            `sentry-cli debug-files upload` or set `<SentryUploadSymbols>true</SentryUploadSymbols>` in your
            project file together with `SentryOrg`, `SentryProject` and an auth token.
            """);

        AddDoc("Platforms", "platforms/dotnet/guides/aspnetcore", "ASP.NET Core",
            "Integrate Sentry with ASP.NET Core: UseSentry on the web host builder, request data, tracing.",
            """
            # ASP.NET Core

            `Sentry.AspNetCore` captures unhandled exceptions from the request pipeline, adds request
            data to events, integrates with `ILogger` and traces incoming requests.

            ## Install

            ```shell
            dotnet add package Sentry.AspNetCore
            ```

            ## Configure

            ```csharp
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.UseSentry(options =>
            {
                options.Dsn = "https://examplePublicKey@o0.ingest.sentry.io/0";
                options.TracesSampleRate = 1.0;
                options.SendDefaultPii = true;
            });
            ```

            Options can also live in `appsettings.json`, under a `Sentry` section:

            ```json
            {
              "Sentry": {
                "Dsn": "https://examplePublicKey@o0.ingest.sentry.io/0",
                "Environment": "staging",
                "TracesSampleRate": 0.2,
                "MinimumEventLevel": "Error"
              }
            }
            ```

            ## Logging

            Log entries at `MinimumBreadcrumbLevel` (default `Information`) become breadcrumbs;
            entries at `MinimumEventLevel` (default `Error`) become events.

            ## Tracing

            Each request becomes a transaction. Outgoing `HttpClient` calls and EF Core queries become
            spans when you add `Sentry.DiagnosticSource`. Trace headers from the browser SDK are continued.

            ## Verify

            ```csharp
            app.MapGet("/debug-sentry", () => { throw new Exception("Sentry test"); });
            ```
            """);

        AddDoc("Platforms", "platforms/dotnet/configuration/options", "Configuration Options (.NET)",
            "SentryOptions in .NET: Dsn, Environment, Release, TracesSampleRate, SampleRate, SetBeforeSend.",
            """
            # Configuration Options

            `SentryOptions` is configured in `SentrySdk.Init`, `UseSentry` or the `Sentry` configuration section.

            ## Core options

            - `Dsn`: where events are sent; falls back to the `SENTRY_DSN` environment variable.
            - `Release`: defaults to the entry assembly's informational version; `SENTRY_RELEASE` overrides it.
            - `Environment`: defaults to `production` (or the ASP.NET Core environment name); `SENTRY_ENVIRONMENT` overrides it.
            - `SampleRate`: share of error events sent, `0.0`–`1.0`.
            - `MaxBreadcrumbs`: default `100`.
            - `SendDefaultPii`: include user names, IP addresses and request bodies.
            - `AttachStacktrace`: add stack traces to messages too.

            ## Tracing options

            - `TracesSampleRate`: share of transactions sent.
            - `TracesSampler`: a delegate returning a rate per transaction.
            - `TracePropagationTargets`: hosts that receive trace headers.

            ## Hooks

            ```csharp
            options.SetBeforeSend((sentryEvent, hint) =>
            {
                if (sentryEvent.Exception is OperationCanceledException)
                {
                    return null;
                }
                return sentryEvent;
            });
            ```

            - `SetBeforeSend`: change or drop events.
            - `SetBeforeSendTransaction`: change or drop transactions.
            - `AddExceptionFilterForType<T>()`: never report exceptions of that type.
            """);

        AddDoc("Platforms", "platforms/react-native", "React Native",
            "Set up @sentry/react-native with the wizard: native crashes, JavaScript errors, source maps and tracing.",
            """
            # React Native

            `@sentry/react-native` reports JavaScript errors and native crashes (iOS and Android),
            traces app starts, screens and network requests, and supports Session Replay for mobile.

            ## Install

            The wizard patches your project (Metro, Xcode build phases, Gradle) for source maps and
            debug symbols:

            ```bash
            npx @sentry/wizard@latest -i reactNative
            ```

            ## Configure

            ```javascript
            import * as Sentry from "@sentry/react-native";

            Sentry.init({
              dsn: "https://examplePublicKey@o0.ingest.sentry.io/0",
              tracesSampleRate: 1.0,
              environment: __DEV__ ? "development" : "production",
              integrations: [Sentry.mobileReplayIntegration()],
              replaysOnErrorSampleRate: 1.0,
            });

            export default Sentry.wrap(App);
            ```

            `Sentry.wrap` adds touch breadcrumbs and an error boundary around your root component.

            ## Expo

            For Expo projects add the `@sentry/react-native/expo` config plugin and use
            `getSentryExpoConfig` in `metro.config.js`.

            ## Verify

            ```javascript
            <Button title="Try!" onPress={() => { Sentry.captureException(new Error("First error")); }} />
            ```

            ## Releases

            The SDK sets `release` to `bundleId@version+build` and `dist` to the build number, so
            source maps and debug symbols match each build.
            """);

        AddDoc("Platforms", "platforms/react-native/sourcemaps", "Source Maps (React Native)",
            "Upload Hermes and Metro source maps for React Native release builds, including manual upload.",
            """
            # Source Maps for React Native

            Release builds bundle and minify JavaScript (and compile it to Hermes bytecode). Sentry needs
            the source maps of each build to show readable stack traces.

            ## Automatic upload

            The wizard configures:

            - **iOS**: the "Bundle React Native code and images" build phase runs through `sentry-xcode.sh`.
            - **Android**: `apply from: "../../node_modules/@sentry/react-native/sentry.gradle"` in `app/build.gradle`.
            - **Metro**: `withSentryConfig` in `metro.config.js` adds debug IDs to bundles.

            Auth data comes from `sentry.properties` or the `SENTRY_AUTH_TOKEN` environment variable.

            ## Manual upload

            ```bash
            npx react-native bundle --platform android --dev false --entry-file index.js \
              --bundle-output index.android.bundle --sourcemap-output index.android.bundle.map
            npx sentry-cli sourcemaps upload --debug-id-reference index.android.bundle index.android.bundle.map
            ```

            ## Hermes

            With Hermes the packager map and the Hermes compiler map are composed into one
            (`compose-source-maps.js`); the Gradle and Xcode scripts do this for you.

            ## Troubleshooting

            Frames showing `index.android.bundle:1:23456` mean the map for that build is missing.
            Check **Project Settings > Source Maps** for an artifact bundle with the matching debug ID.
            """);
    }
}
