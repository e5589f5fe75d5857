using System.Text.Json;
using System.Text.Json.Serialization;
using TechMarket.Domain.Financing;

namespace TechMarket.Domain.Tests.Financing;

public sealed class PledgeSnapshotTests
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void A_restored_case_is_the_same_case_and_carries_on_where_it_stopped()
    {
        var original = APledgeCase.At(PledgeState.Disbursed);
        var stored = JsonSerializer.Serialize(original.ToSnapshot(), Json);

        var restored = PledgeCase.Restore(JsonSerializer.Deserialize<PledgeCaseSnapshot>(stored, Json)!);

        Assert.Equal(stored, JsonSerializer.Serialize(restored.ToSnapshot(), Json));
        Assert.Equal(PledgeState.Disbursed, restored.State);
        Assert.Equal(original.Audit.Count, restored.Audit.Count);
        // The machine runs on the restored state, guards and roles included.
        APledgeCase.Must(restored.RecordRepayment(Parties.LenderActor, new Repayment(new DateOnly(2027, 4, 10), APledgeCase.ADisbursement.Amount, Domain.Shared.Money.Zero), Parties.T0.AddYears(1)));
        Assert.Equal(PledgeState.Repaid, restored.State);
        Assert.Empty(restored.PermittedTriggers(Parties.StrangerActor));
    }
}
