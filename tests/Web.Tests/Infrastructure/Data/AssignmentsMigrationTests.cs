using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Training.Web.Features.Accounts;
using Training.Web.Infrastructure.Data;
using Training.Web.Tests.Support;

namespace Training.Web.Tests.Infrastructure.Data;

public sealed class AssignmentsMigrationTests
{
    [Fact]
    public async Task A_completion_made_before_the_migration_gets_its_certificates_expiry()
    {
        using var app = new TrainingAppFactory();
        var learner = await app.CreateUserAsync("Erin Earlier", Roles.Learner);
        await app.CompleteWelcomeAsync(learner.Id);
        var expires = app.WithDb(db => db.Certificates.Single(c => c.UserId == learner.Id).ExpiresAt);
        Assert.NotNull(expires);

        // Back to the database as it was before the migration (the column gone), then forward again.
        using (var scope = app.Services.CreateScope())
        {
            var migrator = scope.ServiceProvider.GetRequiredService<TrainingDbContext>().GetService<IMigrator>();
            await migrator.MigrateAsync("ReminderOptOuts");
            await migrator.MigrateAsync("Assignments");
        }

        Assert.Equal(expires, app.WithDb(db => db.CourseCompletions.AsNoTracking().Single(c => c.UserId == learner.Id).ExpiresAt));
    }
}
