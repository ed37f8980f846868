using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Tests.Storage;

/// <summary>
/// The DataProtection key ring encrypted at rest with <c>DataProtection:KeyEncryptionCertificate</c>:
/// hosts built exactly as production builds them, on one database file, as instances sharing it.
/// </summary>
public sealed class KeyEncryptionTests : IDisposable
{
    private const string Purpose = "SentryMcp.Tests.KeyEncryption";
    private const string Password = "test-pfx-password";
    private readonly string _directory = Directory.CreateTempSubdirectory("sentry-mcp-keys-").FullName;

    private string DatabasePath => Path.Combine(_directory, "keys.db");

    [Theory]
    [InlineData("pfx")]
    [InlineData("pem")]
    [InlineData("encrypted-pem")]
    public async Task Keys_are_stored_encrypted_another_instance_with_the_certificate_reads_them_and_one_without_cannot(string format)
    {
        var certificate = WriteCertificate(format, out var password);
        var logs = new ConcurrentQueue<string>();
        string secret;
        await using (var first = Build(certificate, password, logs))
        {
            secret = first.Services.GetRequiredService<SecretProtector>().Protect(Purpose, "a Sentry token");
        }

        await using (var second = Build(certificate, password, new ConcurrentQueue<string>()))
        {
            Assert.Equal("a Sentry token", second.Services.GetRequiredService<SecretProtector>().Unprotect(Purpose, secret));
            using var scope = second.Services.CreateScope();
            var xml = Assert.Single(await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync());
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<masterKey", xml);
        }
        await using (var withoutCertificate = Build(null, null, new ConcurrentQueue<string>()))
        {
            Assert.ThrowsAny<CryptographicException>(() => withoutCertificate.Services.GetRequiredService<SecretProtector>().Unprotect(Purpose, secret));
        }
        Assert.DoesNotContain(logs, line => line.Contains("No XML encryptor configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_certificate_keys_are_plain_and_the_host_warns_about_it()
    {
        var logs = new ConcurrentQueue<string>();
        await using var app = Build(null, null, logs);

        app.Services.GetRequiredService<SecretProtector>().Protect(Purpose, "a Sentry token");

        Assert.Contains(logs, line => line.Contains("No XML encryptor configured", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_certificate_file_stops_the_start_with_a_message_that_says_what_to_set()
    {
        var missing = Path.Combine(_directory, "missing.pfx");

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Build(missing, Password, new ConcurrentQueue<string>()));

        Assert.Contains("DataProtection:KeyEncryptionCertificate: no file at " + missing, error.Message);
    }

    [Theory]
    [InlineData("pfx")]
    [InlineData("encrypted-pem")]
    public void A_wrong_password_stops_the_start_and_the_message_names_the_setting_not_the_password(string format)
    {
        var certificate = WriteCertificate(format, out _);

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Build(certificate, "wrong-password", new ConcurrentQueue<string>()));

        Assert.Contains("could not be read with the configured DataProtection:KeyEncryptionCertificatePassword", error.Message);
        Assert.DoesNotContain("wrong-password", error.Message);
    }

    [Fact]
    public void A_certificate_without_its_private_key_stops_the_start()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=sentry-mcp-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_directory, "public-only.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Build(path, null, new ConcurrentQueue<string>()));

        Assert.Contains("DataProtection:KeyEncryptionCertificate", error.Message);
    }

    [Fact]
    public void A_password_without_a_certificate_stops_the_start()
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Build(null, Password, new ConcurrentQueue<string>()));

        Assert.Contains("DataProtection:KeyEncryptionCertificate is not", error.Message);
    }

    private WebApplication Build(string? certificate, string? password, ConcurrentQueue<string> logs) =>
        ServerApp.Build(["--environment", "Production"], builder =>
        {
            // A Sentry host, so no embedded sandbox is started for a host that is never run.
            builder.Configuration["Sentry:Host"] = "http://127.0.0.1:9";
            builder.Configuration["ConnectionStrings:Database"] = $"Data Source={DatabasePath}";
            builder.Configuration["DataProtection:KeyEncryptionCertificate"] = certificate;
            builder.Configuration["DataProtection:KeyEncryptionCertificatePassword"] = password;
            builder.Logging.AddProvider(new CaptureProvider(logs));
        });

    /// <summary>A self-signed RSA certificate with its key, as openssl would write it.</summary>
    private string WriteCertificate(string format, out string? password)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=sentry-mcp-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_directory, $"keys-{format}.{(format == "pfx" ? "pfx" : "pem")}");
        switch (format)
        {
            case "pfx":
                password = Password;
                File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
                break;
            case "pem":
                password = null;
                File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem());
                break;
            default:
                password = Password;
                var encrypted = rsa.ExportEncryptedPkcs8PrivateKeyPem(Password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000));
                File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + encrypted);
                break;
        }
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class CaptureProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CaptureLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class CaptureLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
