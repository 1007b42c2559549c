using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Organisations;
using Training.Courses.People;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Tests.Support;

/// <summary>Units, placements and coordinators made straight in the database, for tests of other features.</summary>
public static class Organisation
{
    /// <summary>Creates a unit (an organisation when no parent) with a unique name starting with <paramref name="name"/>.</summary>
    public static async Task<Unit> CreateUnitAsync(this TrainingAppFactory app, string name, Unit? parent = null)
    {
        using var scope = app.Services.CreateScope();
        var units = scope.ServiceProvider.GetRequiredService<UnitService>();
        var unique = $"{name} {Guid.NewGuid().ToString("N")[..6]}";
        var (outcome, id) = await units.CreateAsync(Actor.CommandLine(), parent?.Id, unique, default);
        Assert.Equal(UnitOutcome.Done, outcome);
        return app.WithDb(db => db.Units.Single(u => u.Id == id));
    }

    /// <summary>Puts the people in the unit, with their membership history row.</summary>
    public static async Task PlaceAsync(this TrainingAppFactory app, Unit unit, params string[] userIds)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        foreach (var id in userIds)
        {
            await Memberships.MoveAsync(db, db.Users.Single(u => u.Id == id), unit.Id, DateTime.UtcNow, default);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Makes the person a coordinator of the unit (and gives the role), as the admin page does.</summary>
    public static async Task CoordinateAsync(this TrainingAppFactory app, Unit unit, string email)
    {
        using var scope = app.Services.CreateScope();
        var units = scope.ServiceProvider.GetRequiredService<UnitService>();
        Assert.Equal(UnitOutcome.Done, await units.AddCoordinatorAsync(Actor.CommandLine(), unit.Id, email, default));
    }

    /// <summary>A coordinator of a new unit, with the given people in it.</summary>
    public static async Task<(Unit Unit, Courses.People.TrainingUser Coordinator)> CoordinatorOfAsync(this TrainingAppFactory app, params string[] userIds)
    {
        var unit = await app.CreateUnitAsync("Unit");
        var coordinator = await app.CreateUserAsync("Cora Coordinator", Web.Features.Accounts.Roles.Coordinator);
        await app.CoordinateAsync(unit, coordinator.Email!);
        await app.PlaceAsync(unit, userIds);
        return (unit, coordinator);
    }
}
