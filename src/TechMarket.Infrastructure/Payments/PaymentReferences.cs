using System.Security.Cryptography;
using TechMarket.Domain.Payments;

namespace TechMarket.Infrastructure.Payments;

/// <summary>New payment references from a cryptographic random source, so they cannot be guessed from one another.</summary>
public static class PaymentReferences
{
    public static PaymentReference New() => PaymentReference.Create(RandomNumberGenerator.GetInt32);
}
