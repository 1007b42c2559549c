using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PrivacyAnonymisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymisedAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "InactivityWarnedAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastSignInAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            // Retention counts inactivity from the last log-in: take it from the audit log for existing accounts,
            // so turning Privacy:InactiveMonths on does not treat everyone as never having logged in.
            migrationBuilder.Sql("""
                UPDATE AspNetUsers SET LastSignInAt = (
                    SELECT MAX(e.At) FROM AuditEntries e
                    WHERE e.ActorUserId = AspNetUsers.Id AND e.Action = 'sign-in.succeeded')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "InactivityWarnedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LastSignInAt",
                table: "AspNetUsers");
        }
    }
}
