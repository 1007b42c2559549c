using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Training.Courses.Content;
using Training.Web.Infrastructure.Data;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Data;

/// <summary>
/// A course imported before the CatalogSearchText migration, from files that have not changed since, is found
/// by the folded search after the next start: the migration makes the import rewrite it.
/// </summary>
public sealed class CatalogSearchTextMigrationTests : IDisposable
{
    private const string Previous = "Assignments";
    private readonly string dataFolder = Directory.CreateTempSubdirectory("training-migration-").FullName;
    private readonly string contentFolder = Directory.CreateTempSubdirectory("training-migration-content-").FullName;

    [Fact]
    public async Task A_course_imported_before_the_migration_gets_its_search_text_at_the_next_start()
    {
        var coursePath = Path.Combine(contentFolder, "egalite");
        Directory.CreateDirectory(coursePath);
        File.WriteAllText(Path.Combine(coursePath, "course.yml"), """
            title: "Égalité des chances"
            summary: "Un cours."
            audience: [police]
            topics: [egalite]
            language: fr
            estimatedHours: 1
            passMark: 70
            certificateValidityMonths: 12
            """);
        File.WriteAllText(Path.Combine(coursePath, "01-one.md"), "---\ntitle: \"Un\"\nestimatedMinutes: 5\nobjectives: [Apprendre.]\nsources: []\n---\n\n## Main\n\nTexte.\n");
        var unchangedHash = CourseSource.Read(coursePath, contentFolder).ContentHash;
        await using (var db = new SqliteTrainingDbContext(new DbContextOptionsBuilder<SqliteTrainingDbContext>()
                         .UseSqlite($"Data Source={Path.Combine(dataFolder, "training.db")};Pooling=False").Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(Previous);
        }
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "training.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO Courses (Slug, Title, Summary, Audience, Topics, Language, EstimatedHours, PassMark, CertificateValidityMonths,
                                     Sources, IsPublished, MajorVersion, HasFinalAssessment, ContentHash, ImportedAt)
                VALUES ('egalite', 'Égalité des chances', 'Un cours.', 'police', '|egalite|', 'fr', '1.0', 70, 12, '', 1, 1, 0, $hash, '2026-11-30 10:00:00');
                """;
            command.Parameters.AddWithValue("$hash", unchangedHash);
            command.ExecuteNonQuery();
        }

        using var app = TrainingAppFactory.Over(dataFolder).WithSetting("Content:Folder", contentFolder);
        var html = await app.CreateClient().GetStringAsync("/courses?q=EGALITE");

        Assert.Equal("egalite des chances un cours. police egalite", app.WithDb(db => db.Courses.Single(c => c.Slug == "egalite").SearchText));
        Assert.Contains("href=\"/courses/egalite\"", html);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var folder in new[] { dataFolder, contentFolder })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
