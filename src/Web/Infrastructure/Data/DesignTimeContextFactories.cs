using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Training.Web.Infrastructure.Data;

// Used only by `dotnet ef` to add migrations and script them; the running site builds its
// context from configuration in DatabaseRegistration.
internal sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<SqliteTrainingDbContext>
{
    public SqliteTrainingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTrainingDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeContextFactory : IDesignTimeDbContextFactory<SqlServerTrainingDbContext>
{
    public SqlServerTrainingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerTrainingDbContext>()
            .UseSqlServer("Server=(design-time);Database=Training;Trusted_Connection=True").Options);
}
