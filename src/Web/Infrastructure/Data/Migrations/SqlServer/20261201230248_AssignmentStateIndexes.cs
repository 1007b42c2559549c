using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AssignmentStateIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AssignedCourses_UserId_CourseId",
                table: "AssignedCourses");

            migrationBuilder.CreateIndex(
                name: "IX_AssignedCourses_UserId_CourseId_State",
                table: "AssignedCourses",
                columns: new[] { "UserId", "CourseId", "ExemptAt", "CompletedAt", "RenewableFrom", "CertificateExpiresAt", "DueOn", "ExtendedTo", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_Id_UnitId",
                table: "AspNetUsers",
                columns: new[] { "Id", "UnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AssignedCourses_UserId_CourseId_State",
                table: "AssignedCourses");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_Id_UnitId",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_AssignedCourses_UserId_CourseId",
                table: "AssignedCourses",
                columns: new[] { "UserId", "CourseId" });
        }
    }
}
