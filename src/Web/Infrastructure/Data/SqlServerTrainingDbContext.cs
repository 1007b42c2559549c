using Microsoft.EntityFrameworkCore;

namespace Training.Web.Infrastructure.Data;

/// <summary>The SQL Server flavour of the site's context; its migrations live in Migrations/SqlServer.</summary>
public sealed class SqlServerTrainingDbContext(DbContextOptions<SqlServerTrainingDbContext> options)
    : TrainingDbContext(options);
