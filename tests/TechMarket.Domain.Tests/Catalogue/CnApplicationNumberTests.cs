using TechMarket.Domain.Catalogue;

namespace TechMarket.Domain.Tests.Catalogue;

public sealed class CnApplicationNumberTests
{
    // Check digits recomputed with a separate Python script (weights 2..9,2..5, mod 11, 10 = X) before being written here.
    // 201710601862.3: the worked example of the CNIPA check-digit rule quoted in public explanations of ZC 0006-2003.
    // 200310102344.5 / 02144686.5: the examples of the standard itself. 95115608.X and 97101765.4: old-format numbers
    // quoted with their check digits in public explanations of the pre-2003 rule.
    public static TheoryData<string, int, CnPatentType> ValidNumbers => new()
    {
        { "201710601862.3", 2017, CnPatentType.Invention },
        { "200310102344.5", 2003, CnPatentType.Invention },
        { "ZL201510000001.0", 2015, CnPatentType.Invention },
        { "02144686.5", 2002, CnPatentType.Invention },
        { "95115608.X", 1995, CnPatentType.Invention },
        { "97101765.4", 1997, CnPatentType.Invention },
    };

    [Theory]
    [MemberData(nameof(ValidNumbers))]
    public void Valid_number_parses_with_year_and_type(string input, int year, CnPatentType type)
    {
        Assert.True(CnApplicationNumber.TryParse(input, out var number, out var error), $"{input}: {error}");
        Assert.Equal(year, number.Year);
        Assert.Equal(type, number.Type);
        Assert.Equal(input.Replace("ZL", "", StringComparison.Ordinal), number.Value);
    }

    [Fact]
    public void ZL_prefix_spaces_lower_case_x_and_full_width_dot_are_accepted()
    {
        Assert.True(CnApplicationNumber.TryParse(" zl2017 1 0601862．3 ", out var number, out _));
        Assert.Equal("201710601862.3", number.Value);
        Assert.Equal("ZL201710601862.3", number.PatentNumber);
        Assert.True(CnApplicationNumber.TryParse("95115608.x", out var old, out _));
        Assert.True(old.IsOldFormat);
    }

    [Fact]
    public void Check_digit_is_the_weighted_sum_mod_11_with_10_written_X()
    {
        // 2·2+0·3+1·4+7·5+1·6+0·7+6·8+0·9+1·2+8·3+6·4+2·5 = 157; 157 mod 11 = 3.
        Assert.Equal('3', CnApplicationNumber.CheckDigitFor("201710601862"));
        // 9·2+5·3+1·4+1·5+5·6+6·7+0·8+8·9 = 186; 186 mod 11 = 10, written X.
        Assert.Equal('X', CnApplicationNumber.CheckDigitFor("95115608"));
    }

    public static TheoryData<string> NumbersForCorruption => new() { "201710601862.3", "200310102344.5", "201510000001.0", "95115608.X", "02144686.5" };

    [Theory]
    [MemberData(nameof(NumbersForCorruption))]
    public void Every_single_digit_corruption_is_refused(string valid)
    {
        const string symbols = "0123456789X";
        var corruptions = 0;
        for (var position = 0; position < valid.Length; position++)
        {
            if (valid[position] == '.') continue;
            var isCheck = position == valid.Length - 1;
            foreach (var replacement in symbols.Where(c => c != valid[position] && (isCheck || c != 'X')))
            {
                var corrupted = string.Concat(valid.AsSpan(0, position), replacement.ToString(), valid.AsSpan(position + 1));
                Assert.False(CnApplicationNumber.TryParse(corrupted, out _, out var error), $"{corrupted} was accepted");
                Assert.NotEqual(CnApplicationNumberError.None, error);
                corruptions++;
            }
        }
        Assert.True(corruptions >= 8 * 9 + 10);
    }

    [Theory]
    [InlineData("", CnApplicationNumberError.Empty)]
    [InlineData("2017106018623", CnApplicationNumberError.WrongLength)]
    [InlineData("201710601862", CnApplicationNumberError.MissingCheckDigit)]
    [InlineData("201710601862.", CnApplicationNumberError.MissingCheckDigit)]
    [InlineData("201710601862.33", CnApplicationNumberError.MalformedCheckDigit)]
    [InlineData("2017A0601862.3", CnApplicationNumberError.NotDigits)]
    [InlineData("201750601862.3", CnApplicationNumberError.UnknownType)]
    [InlineData("199810601862.3", CnApplicationNumberError.ImplausibleYear)]
    [InlineData("201710601862.4", CnApplicationNumberError.WrongCheckDigit)]
    [InlineData("CN113914863A", CnApplicationNumberError.NotDigits)]
    public void Malformed_input_says_what_is_wrong(string input, CnApplicationNumberError expected)
    {
        Assert.False(CnApplicationNumber.TryParse(input, out _, out var error));
        Assert.Equal(expected, error);
        Assert.NotEmpty(error.Message().Zh);
        Assert.NotEmpty(error.Message().En);
    }

    [Fact]
    public void Every_error_has_a_message_in_both_languages()
    {
        foreach (var e in Enum.GetValues<CnApplicationNumberError>().Where(e => e != CnApplicationNumberError.None))
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message().Zh));
            Assert.False(string.IsNullOrWhiteSpace(e.Message().En));
        }
    }

    [Theory]
    [InlineData(CnPatentType.PctInvention, AssetKind.InventionPatent)]
    [InlineData(CnPatentType.PctUtilityModel, AssetKind.UtilityModel)]
    [InlineData(CnPatentType.Design, AssetKind.Design)]
    public void Pct_entries_lead_to_inventions_or_utility_models(CnPatentType type, AssetKind kind) =>
        Assert.Equal(kind, type.GrantedKind());
}
