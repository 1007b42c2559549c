using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReminderOptOuts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReminderOptOuts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Since = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderOptOuts", x => new { x.UserId, x.Kind });
                    table.ForeignKey(
                        name: "FK_ReminderOptOuts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The flags become rows before the columns go: a person who had switched a reminder off keeps it off.
            // EXEC: an idempotent script compiles every block, and these name columns that a later run no longer has.
            migrationBuilder.Sql("EXEC(N'INSERT INTO [ReminderOptOuts] ([UserId], [Kind], [Since]) SELECT [Id], N''certificate-expiry'', SYSUTCDATETIME() FROM [AspNetUsers] WHERE [RemindCertificateExpiry] = 0');");
            migrationBuilder.Sql("EXEC(N'INSERT INTO [ReminderOptOuts] ([UserId], [Kind], [Since]) SELECT [Id], N''inactivity'', SYSUTCDATETIME() FROM [AspNetUsers] WHERE [RemindInactivity] = 0');");
            migrationBuilder.Sql("EXEC(N'INSERT INTO [ReminderOptOuts] ([UserId], [Kind], [Since]) SELECT [Id], N''unfinished-attempt'', SYSUTCDATETIME() FROM [AspNetUsers] WHERE [RemindUnfinishedAttempt] = 0');");

            migrationBuilder.DropColumn(
                name: "RemindCertificateExpiry",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "RemindInactivity",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "RemindUnfinishedAttempt",
                table: "AspNetUsers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RemindCertificateExpiry",
                table: "AspNetUsers",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "RemindInactivity",
                table: "AspNetUsers",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "RemindUnfinishedAttempt",
                table: "AspNetUsers",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.Sql("EXEC(N'UPDATE [AspNetUsers] SET [RemindCertificateExpiry] = 0 WHERE EXISTS (SELECT 1 FROM [ReminderOptOuts] o WHERE o.[UserId] = [AspNetUsers].[Id] AND o.[Kind] = N''certificate-expiry'')');");
            migrationBuilder.Sql("EXEC(N'UPDATE [AspNetUsers] SET [RemindInactivity] = 0 WHERE EXISTS (SELECT 1 FROM [ReminderOptOuts] o WHERE o.[UserId] = [AspNetUsers].[Id] AND o.[Kind] = N''inactivity'')');");
            migrationBuilder.Sql("EXEC(N'UPDATE [AspNetUsers] SET [RemindUnfinishedAttempt] = 0 WHERE EXISTS (SELECT 1 FROM [ReminderOptOuts] o WHERE o.[UserId] = [AspNetUsers].[Id] AND o.[Kind] = N''unfinished-attempt'')');");

            migrationBuilder.DropTable(
                name: "ReminderOptOuts");
        }
    }
}
