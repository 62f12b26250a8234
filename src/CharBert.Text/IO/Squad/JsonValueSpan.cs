namespace CharBert.Text.IO.Squad;

/// <summary>Byte range of a raw JSON value in the file (a string's range includes its quotes).</summary>
readonly record struct JsonValueSpan(int Start, int Length);
