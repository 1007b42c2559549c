using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssignmentFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_UserId",
                table: "Certificates");

            migrationBuilder.AddColumn<DateTime>(
                name: "CertificateExpiresAt",
                table: "AssignedCourses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CompletedAt",
                table: "AssignedCourses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastActivityAt",
                table: "AssignedCourses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RenewableFrom",
                table: "AssignedCourses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_UserId_CourseId_IssuedAt",
                table: "Certificates",
                columns: new[] { "UserId", "CourseId", "IssuedAt" });
            // The facts of work done before this migration (later saves keep them in step: AssignmentFacts).
            migrationBuilder.Sql("UPDATE AssignedCourses SET CompletedAt = (SELECT MAX(c.CompletedAt) FROM CourseCompletions c WHERE c.UserId = AssignedCourses.UserId AND c.CourseId = AssignedCourses.CourseId), RenewableFrom = (SELECT c.RenewableFrom FROM CourseCompletions c WHERE c.UserId = AssignedCourses.UserId AND c.CourseId = AssignedCourses.CourseId ORDER BY c.Round DESC LIMIT 1), CertificateExpiresAt = (SELECT COALESCE(c.ExpiresAt, c.RenewableFrom) FROM CourseCompletions c WHERE c.UserId = AssignedCourses.UserId AND c.CourseId = AssignedCourses.CourseId ORDER BY c.Round DESC LIMIT 1), LastActivityAt = (SELECT MAX(t.At) FROM (SELECT e.LastVisitedAt AS At FROM Enrolments e WHERE e.UserId = AssignedCourses.UserId AND e.CourseId = AssignedCourses.CourseId UNION ALL SELECT m.CompletedAt FROM ModuleCompletions m JOIN Modules x ON x.Id = m.ModuleId WHERE m.UserId = AssignedCourses.UserId AND x.CourseId = AssignedCourses.CourseId) t)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_UserId_CourseId_IssuedAt",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "CertificateExpiresAt",
                table: "AssignedCourses");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "AssignedCourses");

            migrationBuilder.DropColumn(
                name: "LastActivityAt",
                table: "AssignedCourses");

            migrationBuilder.DropColumn(
                name: "RenewableFrom",
                table: "AssignedCourses");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_UserId",
                table: "Certificates",
                column: "UserId");
        }
    }
}
