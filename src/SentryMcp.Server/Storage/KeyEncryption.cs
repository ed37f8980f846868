using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace SentryMcp.Server.Storage;

/// <summary>
/// Encryption at rest of the DataProtection key ring (section <c>DataProtection</c>). The keys sit
/// in the same database as the secrets they protect; with a certificate, a copy of the database
/// alone no longer decrypts anything. Every instance sharing the database needs the same certificate.
/// </summary>
public sealed class KeyEncryptionOptions
{
    /// <summary>A PKCS#12 file (<c>.pfx</c>, <c>.p12</c>) or a PEM file holding the certificate and its private key.</summary>
    public string? KeyEncryptionCertificate { get; set; }

    /// <summary>The PKCS#12 password, or the passphrase of an encrypted PEM private key.</summary>
    public string? KeyEncryptionCertificatePassword { get; set; }

    /// <summary>The certificate, or null when none is configured; a setting that cannot be used stops the start.</summary>
    public X509Certificate2? LoadCertificate()
    {
        if (string.IsNullOrWhiteSpace(KeyEncryptionCertificate))
        {
            if (!string.IsNullOrEmpty(KeyEncryptionCertificatePassword))
            {
                throw Fix("DataProtection:KeyEncryptionCertificatePassword is set but DataProtection:KeyEncryptionCertificate is not. " +
                    "Set the certificate's path too, or remove the password.");
            }
            return null;
        }
        var path = Path.GetFullPath(KeyEncryptionCertificate);
        if (!File.Exists(path))
        {
            throw Fix($"DataProtection:KeyEncryptionCertificate: no file at {path}. Point it at a PFX/P12 or PEM file " +
                "(certificate and private key) readable by this process, or unset it to keep the keys unencrypted.");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = IsPem(path) ? LoadPem(path) : X509CertificateLoader.LoadPkcs12FromFile(path, KeyEncryptionCertificatePassword);
        }
        catch (CryptographicException)
        {
            // The exception text would not say more, and must not carry the password.
            throw Fix($"DataProtection:KeyEncryptionCertificate: {path} could not be read with the configured " +
                "DataProtection:KeyEncryptionCertificatePassword. Check the password (empty for an unencrypted file) and that the file is a PFX/P12 or PEM certificate with its private key.");
        }
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            certificate.Dispose();
            throw Fix($"DataProtection:KeyEncryptionCertificate: {path} has no RSA private key. Key encryption needs an RSA certificate with its private key (e.g. openssl req -x509 -newkey rsa:2048 …).");
        }
        return certificate;
    }

    private static bool IsPem(string path)
    {
        Span<byte> start = stackalloc byte[64];
        using var file = File.OpenRead(path);
        var read = file.Read(start);
        return System.Text.Encoding.ASCII.GetString(start[..read]).Contains("-----BEGIN", StringComparison.Ordinal);
    }

    private X509Certificate2 LoadPem(string path)
    {
        using var pem = string.IsNullOrEmpty(KeyEncryptionCertificatePassword)
            ? X509Certificate2.CreateFromPemFile(path)
            : X509Certificate2.CreateFromEncryptedPemFile(path, KeyEncryptionCertificatePassword);
        // Through PKCS#12, a PEM key behaves like a PFX one on every platform (on Windows a PEM key is ephemeral).
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    private static InvalidOperationException Fix(string message) => new(message);
}

/// <summary>
/// A certificate setting that cannot be used stops the start. Reading the file is the only full check of
/// path, password and private key, so the validator loads it (and drops it; the key ring loads its own).
/// </summary>
public sealed class KeyEncryptionOptionsValidator : IValidateOptions<KeyEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyEncryptionOptions options)
    {
        try
        {
            options.LoadCertificate()?.Dispose();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException problem)
        {
            return ValidateOptionsResult.Fail(problem.Message);
        }
    }
}
