using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SentryMcp.Sandbox;

namespace SentryMcp.Bench;

/// <summary>
/// The sandbox in this process, with timestamps written as Sentry writes them. The sandbox's default
/// JSON writes <c>2026-11-24T13:07:24.2149204+00:00</c>; Sentry writes <c>…T13:07:24.214920Z</c>,
/// and the official server validates every timestamp it reads as a UTC ISO date ending in <c>Z</c>
/// (zod <c>datetime()</c>), so with the offset form it rejected every issue, release, key and event.
/// </summary>
public static class BenchSandbox
{
    public static async Task<(WebApplication App, Uri BaseUri)> StartAsync(CancellationToken ct)
    {
        var app = SandboxApp.Create(["--urls", "http://127.0.0.1:0"]);
        // The options object is built on first resolution and stays writable until the first response uses it.
        app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()
            .Value.SerializerOptions.Converters.Insert(0, new SentryTimestampConverter());
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Sentry's timestamp format: UTC, microseconds, <c>Z</c>.</summary>
    public sealed class SentryTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
    }
}
