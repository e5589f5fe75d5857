using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Auctions;

/// <summary>
/// 加价幅度: a fixed step, or a table of rows where the step for a price is the row with the largest
/// <see cref="IncrementRow.From"/> ≤ that price (issue 5; judicial practice uses ≈ 0.5 % of the start price).
/// </summary>
public sealed class BidIncrement
{
    private readonly IncrementRow[] rows;

    private BidIncrement(IncrementRow[] rows, bool isFixed)
    {
        this.rows = rows;
        IsFixed = isFixed;
    }

    /// <summary>True for a fixed step (one row from zero), false for a table.</summary>
    public bool IsFixed { get; }

    /// <summary>The rows in ascending order of <see cref="IncrementRow.From"/>.</summary>
    public IReadOnlyList<IncrementRow> Rows => rows;

    /// <summary>The lowest price the table covers; an auction's start price may not be below it.</summary>
    public Money LowestCovered => rows[0].From;

    public static BidIncrement Fixed(Money step)
    {
        if (step.Fen <= 0) throw new ArgumentOutOfRangeException(nameof(step), "The step must be positive.");
        return new BidIncrement([new IncrementRow(Money.Zero, step)], isFixed: true);
    }

    public static BidIncrement Table(IEnumerable<IncrementRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sorted = rows.OrderBy(r => r.From.Fen).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("An increment table needs at least one row.", nameof(rows));
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].From.Fen < 0) throw new ArgumentOutOfRangeException(nameof(rows), "A row cannot start below zero.");
            if (sorted[i].Step.Fen <= 0) throw new ArgumentOutOfRangeException(nameof(rows), "Every step must be positive.");
            if (i > 0 && sorted[i].From == sorted[i - 1].From) throw new ArgumentException("Two rows start at the same price.", nameof(rows));
        }
        return new BidIncrement(sorted, isFixed: false);
    }

    /// <summary>step(price): the row with the largest From ≤ price.</summary>
    public Money StepAt(Money price)
    {
        for (var i = rows.Length - 1; i >= 0; i--)
        {
            if (rows[i].From <= price) return rows[i].Step;
        }
        throw new InvalidOperationException($"No increment row covers {price}; the rules require one from the start price.");
    }
}

/// <summary>One row of an increment table: from this price on, bids rise by at least Step.</summary>
public readonly record struct IncrementRow(Money From, Money Step);
