using TechMarket.Domain.RdContracts;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.RdContracts;

internal static class RdParties
{
    public static readonly Guid ClientId = Guid.Parse("00000000-0000-0000-0000-00000000c0c0");
    public static readonly Guid DeveloperId = Guid.Parse("00000000-0000-0000-0000-00000000d0d0");
    public static readonly RdActor Client = new(ClientId, Guid.NewGuid());
    public static readonly RdActor Developer = new(DeveloperId, Guid.NewGuid());
    public static readonly RdActor Center = new(Guid.NewGuid(), Guid.NewGuid(), IsCenter: true);
    public static readonly RdActor Stranger = new(Guid.NewGuid(), Guid.NewGuid());
    public static readonly DateTimeOffset T0 = new(2026, 5, 11, 2, 0, 0, TimeSpan.Zero);
}

internal static class ADevelopmentContract
{
    public static readonly ContractContents Contents = new("固态电池界面改性技术开发", "界面阻抗降低 30%，循环 1000 次容量保持率 ≥ 90%",
        "在乙方实验室完成，分三阶段", "双方对技术资料保密五年", "按甲方提供的测试规程由第三方检测");

    public static IReadOnlyList<MilestonePlan> Plans(params long[] yuan) =>
        [.. yuan.Select((y, i) => new MilestonePlan($"阶段 {i + 1} 交付物", new DateOnly(2026, 8, 1).AddMonths(i * 3), Money.FromYuan(y)))];

    public static DevelopmentContract Draft(DevelopmentContractType type = DevelopmentContractType.Commissioned, params long[] yuan)
    {
        if (yuan.Length == 0) yuan = [200_000, 300_000, 500_000];
        var plans = Plans(yuan);
        var total = Money.FromYuan(yuan.Sum());
        var (contract, refusal) = DevelopmentContract.Draft(Guid.NewGuid(), RdParties.ClientId, RdParties.DeveloperId, type, Contents,
            PaymentTerms.LumpSumInstalments(total), plans, RdParties.T0);
        Assert.Null(refusal);
        return contract!;
    }

    public static DevelopmentContract Signed(params long[] yuan)
    {
        var c = Draft(DevelopmentContractType.Commissioned, yuan);
        Must(c.Sign(RdParties.Client, "张三", RdParties.T0.AddHours(1)));
        Must(c.Sign(RdParties.Developer, "李四", RdParties.T0.AddHours(2)));
        return c;
    }

    public static void Must(RdOutcome outcome) => Assert.True(outcome.IsDone, outcome.Refusal?.MessageEn);
}
