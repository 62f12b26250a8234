namespace CharBert.Hub.Tests.Support;

sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("charbert-hub-").FullName;
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
