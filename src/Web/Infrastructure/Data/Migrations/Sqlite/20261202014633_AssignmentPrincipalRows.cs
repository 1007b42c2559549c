using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssignmentPrincipalRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsPrincipal",
                table: "AssignedCourses",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "AssignedCourses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CourseCompletions_CompletedAt_UserId",
                table: "CourseCompletions",
                columns: new[] { "CompletedAt", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ExpiresAt_RevokedAt_UserId_CourseId_IssuedAt",
                table: "Certificates",
                columns: new[] { "ExpiresAt", "RevokedAt", "UserId", "CourseId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AssignedCourses_Principal_UnitId_CourseId_State",
                table: "AssignedCourses",
                columns: new[] { "IsPrincipal", "UnitId", "CourseId", "ExemptAt", "CompletedAt", "RenewableFrom", "CertificateExpiresAt", "DueOn", "ExtendedTo", "LastActivityAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CourseCompletions_CompletedAt_UserId",
                table: "CourseCompletions");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_ExpiresAt_RevokedAt_UserId_CourseId_IssuedAt",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_AssignedCourses_Principal_UnitId_CourseId_State",
                table: "AssignedCourses");

            migrationBuilder.DropColumn(
                name: "IsPrincipal",
                table: "AssignedCourses");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "AssignedCourses");
        }
    }
}
