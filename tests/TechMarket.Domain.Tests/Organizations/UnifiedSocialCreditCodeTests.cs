using TechMarket.Domain.Organizations;

namespace TechMarket.Domain.Tests.Organizations;

public sealed class UnifiedSocialCreditCodeTests
{
    // Published codes of well-known legal entities (GB 32100-2015 format).
    public static TheoryData<string> ValidCodes => new()
    {
        "91350100M000100Y43",
        "91110000802100433B",
        "914403001922038216",
        "91440300708461136T",
        "91110108551385082Q",
        "12440310MB0000001B", // demo university in content/demo (made valid by the same algorithm)
    };

    [Theory]
    [MemberData(nameof(ValidCodes))]
    public void Valid_code_parses(string code)
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(code, out var parsed, out var error), $"{code}: {error}");
        Assert.Equal(code, parsed.Value);
    }

    [Fact]
    public void Lower_case_and_surrounding_spaces_are_accepted_and_normalised()
    {
        Assert.True(UnifiedSocialCreditCode.TryParse("  91350100m000100y43 ", out var parsed, out _));
        Assert.Equal("91350100M000100Y43", parsed.Value);
    }

    [Theory]
    [MemberData(nameof(ValidCodes))]
    public void Every_single_character_corruption_is_refused(string code)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (var position = 0; position < code.Length; position++)
        {
            foreach (var replacement in alphabet.Where(c => c != code[position]))
            {
                var corrupted = string.Concat(code.AsSpan(0, position), replacement.ToString(), code.AsSpan(position + 1));
                Assert.False(UnifiedSocialCreditCode.TryParse(corrupted, out _, out var error), $"{corrupted} was accepted");
                Assert.Equal(CreditCodeError.WrongCheckCharacter, error);
            }
        }
    }

    [Theory]
    [InlineData("", CreditCodeError.WrongLength)]
    [InlineData("91350100M000100Y4", CreditCodeError.WrongLength)]
    [InlineData("91350100M000100Y433", CreditCodeError.WrongLength)]
    [InlineData("91350100M000100I43", CreditCodeError.InvalidCharacter)] // I is not in the alphabet
    [InlineData("91350100M000100O43", CreditCodeError.InvalidCharacter)] // nor O
    [InlineData("9135010０M000100Y43", CreditCodeError.InvalidCharacter)] // full-width digit
    public void Malformed_input_says_what_is_wrong(string input, CreditCodeError expected)
    {
        Assert.False(UnifiedSocialCreditCode.TryParse(input, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Check_character_thirty_one_is_written_as_zero()
    {
        // Search the first 17 characters for a sum with remainder 0, whose check value 31 wraps to '0'.
        var found = Enumerable.Range(0, 100_000)
            .Select(i => "9144030000" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture))
            .First(prefix => UnifiedSocialCreditCode.CheckCharacter(prefix) == '0');
        Assert.True(UnifiedSocialCreditCode.TryParse(found + "0", out _, out _));
    }
}
