using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Payments;

public sealed class PaymentReferenceTests
{
    private static PaymentReference Sample(int seed)
    {
        var random = new Random(seed);
        return PaymentReference.Create(random.Next);
    }

    [Fact]
    public void A_reference_is_TM_nine_characters_and_a_check_character()
    {
        var reference = Sample(1);
        Assert.Equal(12, reference.Value.Length);
        Assert.StartsWith("TM", reference.Value, StringComparison.Ordinal);
        Assert.True(PaymentReference.TryParse(reference.Value, out var parsed));
        Assert.Equal(reference, parsed);
    }

    [Fact]
    public void Case_spaces_and_dashes_typed_from_a_bank_statement_are_forgiven()
    {
        var reference = Sample(2).Value;
        var typed = "  " + reference[..6].ToLowerInvariant() + " - " + reference[6..] + " ";
        Assert.True(PaymentReference.TryParse(typed, out var parsed));
        Assert.Equal(reference, parsed.Value);
    }

    [Fact]
    public void Every_single_wrong_character_is_caught()
    {
        const string alphabet = "3456789ABCDEFGHJKLMNPQRTUVWXY";
        for (var seed = 0; seed < 20; seed++)
        {
            var reference = Sample(seed).Value;
            for (var i = 2; i < reference.Length; i++)
            {
                foreach (var c in alphabet.Where(c => c != reference[i]))
                {
                    var wrong = reference[..i] + c + reference[(i + 1)..];
                    Assert.False(PaymentReference.TryParse(wrong, out _), wrong);
                }
            }
        }
    }

    [Fact]
    public void Swapping_two_different_neighbours_in_the_body_is_caught()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var reference = Sample(seed).Value;
            for (var i = 2; i < reference.Length - 2; i++)
            {
                if (reference[i] == reference[i + 1]) continue;
                var swapped = reference[..i] + reference[i + 1] + reference[i] + reference[(i + 2)..];
                Assert.False(PaymentReference.TryParse(swapped, out _), swapped);
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("TM")]
    [InlineData("XX3456789ABC")]
    [InlineData("TM0000000000")] // 0 is not in the alphabet (reads as O)
    public void Not_a_reference(string? input) => Assert.False(PaymentReference.TryParse(input, out _));
}

public sealed class DepositRestoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_restored_held_deposit_releases_with_the_same_key_as_a_live_one()
    {
        var id = Guid.NewGuid();
        var org = Guid.NewGuid();
        var subject = new DepositSubject(DepositVenue.Auction, Guid.NewGuid());
        var live = Deposit.Require(id, org, subject, Money.FromYuan(1_000));
        live.RecordPayment(Money.FromYuan(1_000), PaymentChannel.BankTransfer, "到账", T0);
        var restored = Deposit.Restore(id, org, subject, Money.FromYuan(1_000), DepositState.Held, PaymentChannel.BankTransfer);

        var a = live.Release("未成交", T0.AddHours(1)).Entry!;
        var b = restored.Release("未成交", T0.AddHours(1)).Entry!;
        Assert.Equal(a.Key, b.Key);
        Assert.True(a.HasSamePostingsAs(b));
    }

    [Fact]
    public void A_restored_closed_deposit_refuses_another_transition()
    {
        var restored = Deposit.Restore(Guid.NewGuid(), Guid.NewGuid(), new DepositSubject(DepositVenue.ListedTrade, Guid.NewGuid()),
            Money.FromYuan(500), DepositState.Released, PaymentChannel.BankTransfer);
        Assert.Equal(DepositRefusal.AlreadyClosed, restored.Release("again", T0).Refusal);
        Assert.Equal(DepositRefusal.NotAwaitingPayment, restored.RecordPayment(Money.FromYuan(500), PaymentChannel.BankTransfer, "again", T0).Refusal);
    }

    [Fact]
    public void A_paid_state_without_a_channel_is_a_bug() =>
        Assert.Throws<ArgumentException>(() => Deposit.Restore(Guid.NewGuid(), Guid.NewGuid(), new DepositSubject(DepositVenue.Auction, Guid.NewGuid()),
            Money.FromYuan(1), DepositState.Held, null));
}
