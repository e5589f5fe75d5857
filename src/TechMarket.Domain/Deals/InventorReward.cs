using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Deals;

/// <summary>
/// 奖励和报酬: the inventors' share of the net income of a transfer or licence, as a calculation on the university's
/// deal record. 促进科技成果转化法 Art. 45: without an agreed or internal rule, not less than 50 % of the net income;
/// Art. 44 lets the unit set its own rule, so the share is editable with the policy it comes from.
/// Net income = price − costs the university enters (evaluation, agency, taxes…), never below zero.
/// </summary>
public sealed record InventorReward(Money Price, Money Costs, Rate Share)
{
    public static Rate StatutoryMinimum { get; } = Rate.Percent(50);

    public Money NetIncome => Price > Costs ? Price - Costs : Money.Zero;

    /// <summary>To the nearest fen (half up), as every rate in the ledger.</summary>
    public Money Reward => Share.Of(NetIncome);

    /// <summary>A share below the Art. 45 default needs the internal rule it comes from.</summary>
    public static DealRefusal? Validate(Money price, Money costs, int shareBasisPoints, string? policy)
    {
        if (costs < Money.Zero || costs > price)
            return new(DealRefusalCode.InvalidInput, "成本须在 0 与成交价之间。", "Costs must be between zero and the price.");
        if (shareBasisPoints is < 0 or > 10_000)
            return new(DealRefusalCode.InvalidInput, "奖励比例须在 0% 与 100% 之间。", "The share must be between 0 % and 100 %.");
        if (shareBasisPoints < StatutoryMinimum.BasisPoints && string.IsNullOrWhiteSpace(policy))
            return new(DealRefusalCode.InvalidInput, "低于 50% 的比例须注明所依据的本单位规定或约定（促进科技成果转化法第四十四、四十五条）。",
                "A share below 50 % needs the internal rule or agreement it comes from (Arts 44-45).");
        return null;
    }
}
