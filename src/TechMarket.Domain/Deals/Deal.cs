namespace TechMarket.Domain.Deals;

/// <summary>How a deal (成交) came about. Each origin names the record it came from (<c>OriginId</c>).</summary>
public enum DealOrigin
{
    /// <summary>挂牌交易: the only qualified buyer at the end of the listing period.</summary>
    ListedTrade = 1,
    /// <summary>网上竞价: the winner of an auction.</summary>
    Auction = 2,
    /// <summary>面议: an accepted offer or counter-offer.</summary>
    NegotiatedOffer = 3,
    /// <summary>An ordinary licence bought at the published price.</summary>
    ExpressLicence = 4,
    /// <summary>开放许可 (Patent Law Arts 50-52): a notified and paid open licence.</summary>
    OpenLicence = 5,
    /// <summary>悔拍 (SPC 2016 Art. 24, option): the runner-up of a defaulted auction accepted the lot at their last bid.</summary>
    RunnerUpOffer = 6,
}

/// <summary>Where a deal stands, from its opening to its settlement.</summary>
public enum DealStatus
{
    /// <summary>Opened: the parties and price are fixed; documents are prepared.</summary>
    Open = 0,
    /// <summary>协议定价 at a state university: the internal publicity period (公示) runs.</summary>
    Publicity = 1,
    /// <summary>The contract is drafted and awaits both signatures.</summary>
    AwaitingSignatures = 2,
    BothSigned = 3,
    /// <summary>The price is paid and the seller paid out (payments' settlement is closed).</summary>
    Settled = 4,
    Cancelled = 5,
    /// <summary>开放许可: the licence is granted on written notice and payment of the published fee (Patent Law Art. 51); nothing to sign.</summary>
    Granted = 6,
}

public enum DealRefusalCode
{
    WrongStatus = 1,
    /// <summary>The publicity period (公示) has not ended.</summary>
    PublicityRunning = 2,
    /// <summary>An objection raised during publicity has no answer yet.</summary>
    ObjectionsOpen = 3,
    InvalidInput = 4,
    NotAllowed = 5,
    /// <summary>Another change to the deal was saved since the caller read it (a signature crossing a cancellation, an edit): reload and try again.</summary>
    Changed = 6,
}

/// <summary>Why a deal step was refused, in Chinese and English.</summary>
public sealed record DealRefusal(DealRefusalCode Code, string MessageZh, string MessageEn)
{
    public override string ToString() => $"{MessageZh} / {MessageEn}";
}

/// <summary>
/// The deal's states and the steps between them. A state university's 协议定价 (an accepted offer, an express licence)
/// first runs an internal publicity period (促进科技成果转化法 Art. 18; its internal rules set the length, default 15 days);
/// the contract may be drafted meanwhile but is signed only after the period ends with every objection answered.
/// An open licence is granted on notice and payment (Patent Law Art. 51); the others go straight to signing.
/// </summary>
public static class DealLifecycle
{
    public const int DefaultPublicityDays = 15;

    /// <summary>Whether the deal is 协议定价 by a university or institute, which must be publicised (Art. 18).</summary>
    public static bool NeedsPublicity(DealOrigin origin, bool sellerIsUniversity) =>
        sellerIsUniversity && origin is DealOrigin.NegotiatedOffer or DealOrigin.ExpressLicence;

    public static DealStatus Initial(DealOrigin origin, bool sellerIsUniversity) => origin switch
    {
        DealOrigin.OpenLicence => DealStatus.Granted,
        _ when NeedsPublicity(origin, sellerIsUniversity) => DealStatus.Publicity,
        _ => DealStatus.AwaitingSignatures,
    };

    /// <summary>公示 ends: only after its last moment and with no unanswered objection.</summary>
    public static DealRefusal? CanEndPublicity(DealStatus status, DateTimeOffset? endsAt, int unansweredObjections, DateTimeOffset now)
    {
        if (status != DealStatus.Publicity) return WrongStatus(status);
        if (endsAt is { } end && now < end)
            return new(DealRefusalCode.PublicityRunning, $"公示期至 {end.ToOffset(Shared.ChinaTime.Offset):yyyy-MM-dd HH:mm} 结束，届满前不能结束公示。",
                $"The publicity period runs until {end.ToOffset(Shared.ChinaTime.Offset):yyyy-MM-dd HH:mm}.");
        if (unansweredObjections > 0)
            return new(DealRefusalCode.ObjectionsOpen, $"尚有 {unansweredObjections} 条异议未答复，答复后方可结束公示。",
                $"{unansweredObjections} objection(s) still need an answer before the publicity ends.");
        return null;
    }

    /// <summary>Objections are taken while the notice is up.</summary>
    public static DealRefusal? CanObject(DealStatus status) => status == DealStatus.Publicity ? null : WrongStatus(status);

    /// <summary>The parties edit the contract while it is unsigned by both (during publicity too).</summary>
    public static DealRefusal? CanEditContract(DealStatus status) =>
        status is DealStatus.Publicity or DealStatus.AwaitingSignatures ? null : WrongStatus(status);

    /// <summary>Signing comes after publicity (the deal completes only after the period).</summary>
    public static DealRefusal? CanSign(DealStatus status) => status switch
    {
        DealStatus.AwaitingSignatures => null,
        DealStatus.Publicity => new(DealRefusalCode.PublicityRunning, "公示期结束且异议处理完毕后方可签署合同。", "Sign after the publicity period has ended and objections are answered."),
        _ => WrongStatus(status),
    };

    public static DealRefusal? CanCancel(DealStatus status) =>
        status is DealStatus.Settled or DealStatus.Cancelled or DealStatus.Granted ? WrongStatus(status) : null;

    private static DealRefusal WrongStatus(DealStatus status) =>
        new(DealRefusalCode.WrongStatus, $"成交当前状态（{status}）不允许此操作。", $"Not allowed while the deal is {status}.");
}
