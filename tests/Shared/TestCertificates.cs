using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TechMarket.Tests.Shared;

/// <summary>
/// Self-signed signing/encryption certificates written as PFX files, so test sites start through the production key
/// path (Identity:SigningCertificate / Identity:EncryptionCertificate), not development keys.
/// </summary>
internal static class TestCertificates
{
    public static string Write(string path, X509KeyUsageFlags usage)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=TechMarket test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        return path;
    }
}
