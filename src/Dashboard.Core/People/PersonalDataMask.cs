namespace Dashboard.Core.People;

/// <summary>Masks personal data on the server before it reaches any screen.</summary>
public static class PersonalDataMask
{
    /// <summary>320507198001011234 → 320507********1234.</summary>
    public static string? IdNumber(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value;
        if (value.Length <= 10) return new string('*', value.Length);
        return string.Concat(value.AsSpan(0, 6), new string('*', value.Length - 10), value.AsSpan(value.Length - 4));
    }

    /// <summary>13812345678 → 138****5678; short numbers keep only their last two digits.</summary>
    public static string? Phone(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value;
        if (value.Length >= 11) return string.Concat(value.AsSpan(0, 3), new string('*', value.Length - 7), value.AsSpan(value.Length - 4));
        if (value.Length <= 2) return new string('*', value.Length);
        return string.Concat(new string('*', value.Length - 2), value.AsSpan(value.Length - 2));
    }

    /// <summary>施某某 → 施**: the family name stays, the given name goes.</summary>
    public static string? Name(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value;
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(value);
        elements.MoveNext();
        var first = (string)elements.Current;
        var rest = new System.Globalization.StringInfo(value).LengthInTextElements - 1;
        return first + new string('*', Math.Max(rest, 1));
    }
}
