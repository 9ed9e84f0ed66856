namespace Dashboard.Core.People;

public static class PhoneNumber
{
    /// <summary>Mobile (11 digits starting with 1) or a landline with area code; dashes and spaces allowed.</summary>
    public static bool IsPlausible(string value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (c is not ('-' or ' ' or '+')) return false;
        }
        return digits is >= 7 and <= 15;
    }
}
