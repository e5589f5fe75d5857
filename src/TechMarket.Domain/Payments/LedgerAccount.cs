namespace TechMarket.Domain.Payments;

/// <summary>
/// The platform's chart of accounts. Postings are signed: a debit is positive, a credit negative,
/// so every entry, and therefore the whole ledger, sums to zero.
/// </summary>
public enum LedgerAccountKind
{
    /// <summary>银行存款: money in the platform's receiving account.</summary>
    CashAtBank,
    /// <summary>待清算: money authorised or captured at a card processor, not yet at the bank.</summary>
    PaymentClearing,
    /// <summary>保证金: bidder and buyer deposits held, one sub-account per organisation.</summary>
    DepositsHeld,
    /// <summary>应收买方: what a buyer still owes for a deal.</summary>
    DueFromBuyers,
    /// <summary>应付卖方: what the platform owes a seller.</summary>
    PayableToSellers,
    /// <summary>佣金收入: platform commission income.</summary>
    CommissionIncome,
    /// <summary>费用补偿: costs of a failed sale recovered from a forfeited deposit (SPC 2016 Art. 24).</summary>
    CostsRecovered,
    /// <summary>没收保证金: what is left of a forfeited deposit after costs and the re-auction shortfall.</summary>
    ForfeitedDeposits,
    /// <summary>研发托管: funds escrowed for a directed R&amp;D milestone until the client accepts it, one sub-account per milestone.</summary>
    MilestoneEscrow,
    /// <summary>应收经纪服务费: brokerage fees a client organisation owes the center.</summary>
    BrokerageFeesReceivable,
    /// <summary>经纪服务收入: brokerage fee income.</summary>
    BrokerageFeeIncome,
    /// <summary>应付质权人: realisation proceeds owed to a pledge lender out of the pledgor's sale (Civil Code Art. 436).</summary>
    PayableToLenders,
    /// <summary>应付研究开发方: milestone escrow released to the developer (accepted or decided), per milestone, until paid out.</summary>
    PayableToDevelopers,
    /// <summary>应退委托方: milestone escrow the center decided to refund to the client, per milestone, until returned.</summary>
    RefundsPayableToClients,
}

/// <summary>An account, optionally the sub-account of one party (organisation, deal, or a development contract's milestone).</summary>
public sealed record LedgerAccount(LedgerAccountKind Kind, Guid? Party = null)
{
    public static LedgerAccount CashAtBank { get; } = new(LedgerAccountKind.CashAtBank);
    public static LedgerAccount PaymentClearing { get; } = new(LedgerAccountKind.PaymentClearing);
    public static LedgerAccount CommissionIncome { get; } = new(LedgerAccountKind.CommissionIncome);
    public static LedgerAccount CostsRecovered { get; } = new(LedgerAccountKind.CostsRecovered);
    public static LedgerAccount ForfeitedDeposits { get; } = new(LedgerAccountKind.ForfeitedDeposits);
    public static LedgerAccount BrokerageFeeIncome { get; } = new(LedgerAccountKind.BrokerageFeeIncome);

    public static LedgerAccount DepositsHeld(Guid organizationId) => new(LedgerAccountKind.DepositsHeld, organizationId);
    public static LedgerAccount DueFromBuyer(Guid organizationId) => new(LedgerAccountKind.DueFromBuyers, organizationId);
    public static LedgerAccount PayableToSeller(Guid organizationId) => new(LedgerAccountKind.PayableToSellers, organizationId);
    public static LedgerAccount PayableToLender(Guid organizationId) => new(LedgerAccountKind.PayableToLenders, organizationId);
    public static LedgerAccount MilestoneEscrow(Guid milestoneAccountId) => new(LedgerAccountKind.MilestoneEscrow, milestoneAccountId);
    public static LedgerAccount PayableToDeveloper(Guid milestoneAccountId) => new(LedgerAccountKind.PayableToDevelopers, milestoneAccountId);
    public static LedgerAccount RefundPayableToClient(Guid milestoneAccountId) => new(LedgerAccountKind.RefundsPayableToClients, milestoneAccountId);
    public static LedgerAccount BrokerageFeesReceivable(Guid organizationId) => new(LedgerAccountKind.BrokerageFeesReceivable, organizationId);

    public override string ToString() => Party is { } party ? $"{Kind}:{party:N}" : Kind.ToString();
}
