using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Auctions;

/// <summary>
/// 流拍后重新拍卖 (SPC 2016 Art. 26): the re-auction opens within 30 days of the close, and its start price is at most
/// 20 % below the previous start price.
/// </summary>
public static class Reauction
{
    public static readonly TimeSpan Within = TimeSpan.FromDays(30);
    public const int MaxCutPercent = 20;

    /// <summary>The lowest start price allowed: the previous start less 20 %, rounded up to the fen.</summary>
    public static Money LowestStart(Money previousStart) => new((previousStart.Fen * (100 - MaxCutPercent) + 99) / 100);

    /// <summary>Null when the re-auction may be set up like this; otherwise the field at fault and the reason.</summary>
    public static (string Field, string Message)? Check(Money previousStart, DateTimeOffset closedAt, Money newStart, DateTimeOffset newOpensAt)
    {
        // SPC 2016 Art. 26: start price cut at most 20 %.
        if (newStart < LowestStart(previousStart))
        {
            return ("StartPrice", $"重新拍卖的起拍价降幅不得超过 20%，最低 {LowestStart(previousStart)} / The start price may be cut by at most 20 %.");
        }
        // SPC 2016 Art. 26: re-auction within 30 days.
        if (newOpensAt > closedAt + Within)
        {
            return ("OpensAt", "重新拍卖须在流拍（或宣告悔拍）后 30 日内开始 / The re-auction must open within 30 days of the close (or of the declared default).");
        }
        return null;
    }
}

/// <summary>专场: lots of one session close in sequence, one interval apart (issue 5, "Sessions").</summary>
public static class SessionSchedule
{
    public static DateTimeOffset EndOfLot(DateTimeOffset firstLotEndsAt, TimeSpan interval, int lotNumber)
    {
        if (lotNumber < 1) throw new ArgumentOutOfRangeException(nameof(lotNumber), "Lots are numbered from 1.");
        if (interval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), "The interval cannot be negative.");
        return firstLotEndsAt + interval * (lotNumber - 1);
    }
}
