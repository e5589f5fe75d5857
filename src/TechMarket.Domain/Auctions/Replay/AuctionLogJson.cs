using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Auctions.Replay;

/// <summary>
/// The bid-log format of issue 5 ("Replay: recompute any outcome from a bid log"): read and written here so that the
/// CLI's replay and the auction page's export share one definition. Money is integer fen; times are ISO 8601 with an
/// offset (written in UTC); unknown fields are refused, because a misspelt <c>reservePriceFen</c> silently ignored
/// would replay a different auction.
/// </summary>
public static class AuctionLogJson
{
    private const long MaxSeconds = 86_400; // a soft-close window or extension longer than a day is a typo

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Bidder codes may be Chinese; this output is JSON for people and tools, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses and validates a log. Never throws for bad input: the result names the first offending field.</summary>
    public static AuctionLogReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return new AuctionLogReadResult(null, string.IsNullOrEmpty(e.Path) ? "$" : e.Path, $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        using (document)
        {
            try
            {
                return new AuctionLogReadResult(ReadLog(document.RootElement), null, null);
            }
            catch (InvalidFieldException e)
            {
                return new AuctionLogReadResult(null, e.Field, e.Message);
            }
        }
    }

    /// <summary>Writes a log in the input format, so that replaying the export reproduces the live outcome.</summary>
    public static string Write(AuctionLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var rules = log.Rules;
        return WriteJson(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("auction");
            w.WriteNumber("startPriceFen", rules.StartPrice.Fen);
            if (rules.ReservePrice is { } reserve) w.WriteNumber("reservePriceFen", reserve.Fen); else w.WriteNull("reservePriceFen");
            w.WriteStartObject("increment");
            if (rules.Increment.IsFixed)
            {
                w.WriteNumber("fixedFen", rules.Increment.Rows[0].Step.Fen);
            }
            else
            {
                w.WriteStartArray("table");
                foreach (var row in rules.Increment.Rows)
                {
                    w.WriteStartObject();
                    w.WriteNumber("fromFen", row.From.Fen);
                    w.WriteNumber("stepFen", row.Step.Fen);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteString("opensAt", FormatTime(rules.OpensAt));
            w.WriteString("endsAt", FormatTime(rules.EndsAt));
            w.WriteNumber("softCloseSeconds", WholeSeconds(rules.SoftCloseWindow));
            w.WriteNumber("extensionSeconds", WholeSeconds(rules.Extension));
            w.WriteBoolean("proxyBidding", rules.ProxyBidding);
            w.WriteStartArray("priorityBidders");
            foreach (var holder in rules.PriorityBidders)
            {
                w.WriteStartObject();
                w.WriteString("bidder", holder.Bidder.Value);
                w.WriteNumber("rank", holder.Rank);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("bids");
            foreach (var bid in log.Bids)
            {
                w.WriteStartObject();
                w.WriteString("bidder", bid.Bidder.Value);
                w.WriteNumber("maxFen", bid.Amount.Fen);
                w.WriteString("at", FormatTime(bid.At));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The replay's answer: status, winner, price, end, counts and one entry per bid.</summary>
    public static string WriteResult(AuctionReplayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcome = result.Outcome;
        return WriteJson(w =>
        {
            w.WriteStartObject();
            w.WriteString("status", outcome.Status switch
            {
                AuctionOutcomeStatus.Sold => "sold",
                AuctionOutcomeStatus.Unsold => "unsold",
            });
            WriteCode(w, "winner", outcome.Winner);
            WriteFen(w, "priceFen", outcome.Price);
            w.WriteString("endsAt", FormatTime(outcome.EndsAt));
            w.WriteNumber("accepted", outcome.AcceptedBids);
            w.WriteNumber("rejected", outcome.RejectedBids);
            w.WriteStartArray("bids");
            foreach (var bid in result.Bids)
            {
                w.WriteStartObject();
                w.WriteBoolean("accepted", bid.IsAccepted);
                if (bid.Rejection is { } reason) w.WriteString("reason", ReasonCode(reason)); else w.WriteNull("reason");
                WriteFen(w, "priceAfterFen", bid.PriceAfter);
                WriteCode(w, "leaderAfter", bid.LeaderAfter);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The wire code of a refusal: not_open, below_minimum, already_leading.</summary>
    public static string ReasonCode(BidRejection reason) => reason switch
    {
        BidRejection.NotOpen => "not_open",
        BidRejection.BelowMinimum => "below_minimum",
        BidRejection.AlreadyLeading => "already_leading",
    };

    /// <summary>UTC, ISO 8601, fractional seconds only when present: 2026-12-01T10:00:00Z.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static AuctionLog ReadLog(JsonElement root)
    {
        ExpectObject(root, "$");
        OnlyKnown(root, "", "auction", "bids");
        var rules = ReadRules(Required(root, "", "auction"));

        var bidsElement = Required(root, "", "bids");
        if (bidsElement.ValueKind != JsonValueKind.Array) throw new InvalidFieldException("bids", "must be an array");
        var bids = new List<BidRequest>();
        var index = 0;
        foreach (var bid in bidsElement.EnumerateArray())
        {
            var path = $"bids[{index++}]";
            ExpectObject(bid, path);
            OnlyKnown(bid, path, "bidder", "maxFen", "at");
            var bidder = Code(Required(bid, path, "bidder"), path + ".bidder");
            var amount = Fen(Required(bid, path, "maxFen"), path + ".maxFen", min: 1);
            var at = Time(Required(bid, path, "at"), path + ".at");
            bids.Add(new BidRequest(bidder, amount, at));
        }
        return new AuctionLog(rules, bids);
    }

    private static AuctionRules ReadRules(JsonElement auction)
    {
        const string p = "auction";
        ExpectObject(auction, p);
        OnlyKnown(auction, p, "startPriceFen", "reservePriceFen", "increment", "opensAt", "endsAt", "softCloseSeconds", "extensionSeconds", "proxyBidding", "priorityBidders");

        var start = Fen(Required(auction, p, "startPriceFen"), "auction.startPriceFen", min: 1);
        Money? reserve = Optional(auction, "reservePriceFen") is { } r ? Fen(r, "auction.reservePriceFen", min: 0) : null;
        if (reserve < start) throw new InvalidFieldException("auction.reservePriceFen", "must be at least startPriceFen (or null: the reserve is then the start price)");

        var increment = ReadIncrement(Required(auction, p, "increment"), start);

        var opensAt = Time(Required(auction, p, "opensAt"), "auction.opensAt");
        var endsAt = Time(Required(auction, p, "endsAt"), "auction.endsAt");
        if (endsAt <= opensAt) throw new InvalidFieldException("auction.endsAt", "must be after auction.opensAt");

        var window = Optional(auction, "softCloseSeconds") is { } s ? Seconds(s, "auction.softCloseSeconds") : AuctionRules.DefaultSoftCloseWindow;
        var extension = Optional(auction, "extensionSeconds") is { } x ? Seconds(x, "auction.extensionSeconds") : AuctionRules.DefaultExtension;

        var proxyElement = Required(auction, p, "proxyBidding");
        if (proxyElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw new InvalidFieldException("auction.proxyBidding", "must be true or false");

        var holders = new List<PriorityBidder>();
        if (Optional(auction, "priorityBidders") is { } list)
        {
            if (list.ValueKind != JsonValueKind.Array) throw new InvalidFieldException("auction.priorityBidders", "must be an array");
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var path = $"auction.priorityBidders[{index++}]";
                ExpectObject(item, path);
                OnlyKnown(item, path, "bidder", "rank");
                var bidder = Code(Required(item, path, "bidder"), path + ".bidder");
                if (holders.Any(h => h.Bidder == bidder)) throw new InvalidFieldException(path + ".bidder", $"'{bidder}' is listed twice");
                var rankElement = Required(item, path, "rank");
                if (rankElement.ValueKind != JsonValueKind.Number || !rankElement.TryGetInt32(out var rank) || rank < 1)
                {
                    throw new InvalidFieldException(path + ".rank", "must be an integer ≥ 1 (1 is the highest rank)");
                }
                holders.Add(new PriorityBidder(bidder, rank));
            }
        }

        return new AuctionRules(start, reserve, increment, opensAt, endsAt, proxyElement.GetBoolean(), holders, window, extension);
    }

    private static BidIncrement ReadIncrement(JsonElement increment, Money start)
    {
        const string p = "auction.increment";
        ExpectObject(increment, p);
        OnlyKnown(increment, p, "fixedFen", "table");
        var fixedStep = Optional(increment, "fixedFen");
        var table = Optional(increment, "table");
        if ((fixedStep is not null) == (table is not null)) throw new InvalidFieldException(p, "needs exactly one of fixedFen or table");
        if (fixedStep is { } f) return BidIncrement.Fixed(Fen(f, p + ".fixedFen", min: 1));

        var rowsElement = table!.Value;
        if (rowsElement.ValueKind != JsonValueKind.Array || rowsElement.GetArrayLength() == 0) throw new InvalidFieldException(p + ".table", "must be a non-empty array of { fromFen, stepFen }");
        var rows = new List<IncrementRow>();
        var index = 0;
        foreach (var item in rowsElement.EnumerateArray())
        {
            var path = $"{p}.table[{index++}]";
            ExpectObject(item, path);
            OnlyKnown(item, path, "fromFen", "stepFen");
            var from = Fen(Required(item, path, "fromFen"), path + ".fromFen", min: 0);
            if (rows.Any(r => r.From == from)) throw new InvalidFieldException(path + ".fromFen", "two rows start at the same price");
            rows.Add(new IncrementRow(from, Fen(Required(item, path, "stepFen"), path + ".stepFen", min: 1)));
        }
        if (rows.Min(r => r.From) > start) throw new InvalidFieldException(p + ".table", "no row covers the start price (the smallest fromFen must be ≤ startPriceFen)");
        return BidIncrement.Table(rows);
    }

    private static void ExpectObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new InvalidFieldException(path, "must be an object");
    }

    private static void OnlyKnown(JsonElement obj, string path, params ReadOnlySpan<string> names)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!names.Contains(property.Name)) throw new InvalidFieldException(Join(path, property.Name), "is not a field of this format");
        }
    }

    private static JsonElement Required(JsonElement obj, string path, string name) =>
        Optional(obj, name) ?? throw new InvalidFieldException(Join(path, name), "is required");

    /// <summary>The property's value, or null when it is absent or JSON null.</summary>
    private static JsonElement? Optional(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static Money Fen(JsonElement element, string path, long min)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var fen)) throw new InvalidFieldException(path, "must be an integer amount in fen");
        if (fen < min || fen > AuctionRules.MaxAmount.Fen) throw new InvalidFieldException(path, $"must be between {min} and {AuctionRules.MaxAmount.Fen} fen");
        return new Money(fen);
    }

    private static TimeSpan Seconds(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var seconds) || seconds < 0 || seconds > MaxSeconds)
        {
            throw new InvalidFieldException(path, $"must be a whole number of seconds from 0 to {MaxSeconds}");
        }
        return TimeSpan.FromSeconds(seconds);
    }

    private static DateTimeOffset Time(JsonElement element, string path)
    {
        // An offset is required: a time without one is ambiguous, and bid times are the server's receipt times (SPC 2016 Art. 20).
        if (element.ValueKind != JsonValueKind.String || !element.TryGetDateTimeOffset(out var time) || !HasOffset(element.GetString()!))
        {
            throw new InvalidFieldException(path, "must be an ISO 8601 time with an offset, e.g. 2026-12-01T02:00:00Z");
        }
        return time;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static BidderCode Code(JsonElement element, string path)
    {
        var text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (!BidderCode.IsValid(text)) throw new InvalidFieldException(path, $"must be a bidder code: 1-{BidderCode.MaxLength} letters, digits, '-' or '_'");
        return new BidderCode(text);
    }

    private static long WholeSeconds(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerSecond == 0 ? span.Ticks / TimeSpan.TicksPerSecond : throw new InvalidOperationException($"{span} is not a whole number of seconds; the log format cannot express it.");

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static void WriteFen(Utf8JsonWriter w, string name, Money? amount)
    {
        if (amount is { } a) w.WriteNumber(name, a.Fen); else w.WriteNull(name);
    }

    private static void WriteCode(Utf8JsonWriter w, string name, BidderCode? code)
    {
        if (code is { } c) w.WriteString(name, c.Value); else w.WriteNull(name);
    }

    private static string WriteJson(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Bad input, naming the field; caught in <see cref="Read"/> and never escapes it.</summary>
    private sealed class InvalidFieldException : Exception
    {
        public InvalidFieldException(string field, string message) : base(message) => Field = field;

        public InvalidFieldException() : this("$", "invalid input") { }

        public InvalidFieldException(string message) : this("$", message) { }

        public InvalidFieldException(string message, Exception innerException) : base(message, innerException) => Field = "$";

        public string Field { get; }
    }
}
