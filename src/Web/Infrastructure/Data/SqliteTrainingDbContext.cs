using Microsoft.EntityFrameworkCore;

namespace Training.Web.Infrastructure.Data;

/// <summary>The SQLite flavour of the site's context; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteTrainingDbContext(DbContextOptions<SqliteTrainingDbContext> options)
    : TrainingDbContext(options);
