using System;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Emulator.Tests.Pipeline
{
    /// <summary>The pipeline runs registered steps as Dataverse does: stages in order, filtering attributes, images,
    /// shared variables, configuration, one transaction around stages 20–40, async steps on demand, depth limit.</summary>
    public class PipelineTests
    {
        private readonly DataverseEmulator _emulator = TestSolution.Emulator();

        private Guid Beneficiary(IOrganizationService service, string mobile = "+966512345678") =>
            service.Create(new Entity("taz_beneficiary") { ["taz_name"] = "فاطمة", ["taz_mobile"] = mobile });

        [Fact]
        public void Stages_run_in_order_with_images_shared_variables_and_configuration()
        {
            var service = _emulator.CreateService(_emulator.SystemUserId);
            var id = Beneficiary(service);
            service.Update(new Entity("taz_beneficiary", id) { ["taz_mobile"] = "+966599999999" });

            var update = _emulator.Traces.Where(t => t.MessageName == "Update").ToList();
            Assert.Equal(new[] { 10, 20, 40 }, update.Select(t => t.Stage));
            Assert.Contains("pre=+966512345678 post=none shared=none preColumns=1", update[0].TraceText);
            Assert.Contains("config=unsecure-text/secure-text", update[0].TraceText);
            Assert.Contains("transaction=False", update[0].TraceText);
            Assert.Contains("shared=shared", update[1].TraceText);
            Assert.Contains("transaction=True", update[1].TraceText);
            Assert.Contains("post=+966599999999 shared=shared", update[2].TraceText);
            Assert.Contains("pre=+966512345678", update[2].TraceText);
            Assert.True(update.All(t => t.Depth == 1 && t.Exception == null));
        }

        [Fact]
        public void An_update_that_does_not_touch_the_filtering_attributes_does_not_fire_the_step()
        {
            var service = _emulator.CreateService(_emulator.SystemUserId);
            var id = Beneficiary(service);
            service.Update(new Entity("taz_beneficiary", id) { ["taz_district"] = "الحرث" });
            Assert.DoesNotContain(_emulator.Traces, t => t.MessageName == "Update");
        }

        [Fact]
        public void A_pre_image_with_all_columns_holds_every_old_value()
        {
            var service = _emulator.CreateService(_emulator.SystemUserId);
            var id = Beneficiary(service);
            service.Update(new Entity("taz_beneficiary", id) { ["taz_mobile"] = "+966511111111" });
            var post = _emulator.Traces.Single(t => t.MessageName == "Update" && t.Stage == 40);
            var columns = int.Parse(post.TraceText.Split("preColumns=")[1].Split(' ')[0]);
            Assert.True(columns > 5, post.TraceText); // the stage-40 step asks for the whole row (empty attribute list)
        }

        [Fact]
        public void Pre_operation_changes_to_the_target_are_saved_and_the_callers_entity_is_untouched()
        {
            var service = _emulator.CreateService(_emulator.SystemUserId);
            var office = new Entity("taz_branchoffice") { ["taz_name"] = "صبيا", ["taz_address"] = "main street" };
            var id = service.Create(office);
            Assert.Equal("MAIN STREET", service.Retrieve("taz_branchoffice", id, new ColumnSet("taz_address"))["taz_address"]);
            Assert.Equal("main street", office["taz_address"]);
        }

        [Fact]
        public void A_failing_post_operation_step_leaves_no_row_and_no_related_writes()
        {
            var service = _emulator.CreateService(_emulator.SystemUserId);
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                service.Create(new Entity("taz_feedback") { ["taz_name"] = "x", ["taz_details"] = "fail" }));
            Assert.Equal("فشل متعمد | deliberate failure", fault.Detail.Message);
            Assert.Equal(unchecked((int)0x80040265), fault.Detail.ErrorCode);
            Assert.Equal(0, _emulator.Count("taz_feedback"));
            Assert.Equal(0, _emulator.Count("annotation"));

            service.Create(new Entity("taz_feedback") { ["taz_name"] = "y", ["taz_details"] = "ok" });
            Assert.Equal(1, _emulator.Count("taz_feedback"));
            Assert.Equal(1, _emulator.Count("annotation"));
        }

        [Theory]
        [InlineData(PluginTraceLogging.All, 2)]
        [InlineData(PluginTraceLogging.Exception, 1)]
        [InlineData(PluginTraceLogging.Off, 0)]
        public void The_trace_log_setting_decides_which_executions_leave_a_record(PluginTraceLogging setting, int expected)
        {
            _emulator.TraceLogging = setting;
            var service = _emulator.CreateService(_emulator.SystemUserId);
            service.Create(new Entity("taz_feedback") { ["taz_name"] = "y", ["taz_details"] = "ok" });
            Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                service.Create(new Entity("taz_feedback") { ["taz_name"] = "x", ["taz_details"] = "fail" }));
            var records = _emulator.Traces.Where(t => t.PluginType.EndsWith(nameof(FailAfterRelatedWrite), StringComparison.Ordinal)).ToList();
            Assert.Equal(expected, records.Count);
            if (expected > 0) Assert.IsType<InvalidPluginExecutionException>(records[^1].Exception);
        }

        [Fact]
        public void A_plugin_that_triggers_itself_is_stopped_at_depth_8_and_nothing_is_kept()
        {
            var service = _emulator.CreateService(_emulator.SystemUserId);
            var id = service.Create(new Entity("taz_branchoffice") { ["taz_name"] = "جازان", ["taz_address"] = "a" });
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
                service.Update(new Entity("taz_branchoffice", id) { ["taz_address"] = "b" }));
            Assert.Contains("infinite loop", fault.Detail.Message);
            Assert.Equal(8, _emulator.Traces.Where(t => t.PluginType.EndsWith("SelfTrigger", StringComparison.Ordinal)).Max(t => t.Depth));
            Assert.Equal("A", service.Retrieve("taz_branchoffice", id, new ColumnSet("taz_address"))["taz_address"]);
        }

        [Fact]
        public void Async_steps_wait_for_RunAsyncSteps_and_run_once()
        {
            var service = _emulator.CreateService(_emulator.SystemUserId);
            var beneficiary = Beneficiary(service);
            service.Create(new Entity("taz_householdmember") { ["taz_name"] = "ابن", ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", beneficiary) });
            Assert.Equal(0, _emulator.Count("annotation"));
            Assert.Equal(1, _emulator.RunAsyncSteps());
            Assert.Equal(0, _emulator.RunAsyncSteps());
            var note = service.RetrieveMultiple(new QueryExpression("annotation") { ColumnSet = new ColumnSet("subject") }).Entities.Single();
            Assert.Equal("async mode 1", note["subject"]);
        }

        [Fact]
        public void A_portal_caller_is_visible_to_plugins()
        {
            var contact = _emulator.CreateService(_emulator.SystemUserId).Create(new Entity("contact") { ["lastname"] = "الحازمي" });
            var portal = _emulator.CreatePortalService(contact);
            Beneficiary(portal);
            Assert.Contains($"portal=True:{contact}", _emulator.Traces.Single(t => t.MessageName == "Create").TraceText);
        }

        [Fact]
        public void Plugin_calls_are_counted_apart_from_the_callers_calls()
        {
            var service = _emulator.CreateService(_emulator.SystemUserId);
            _emulator.Calls.Clear();
            service.Create(new Entity("taz_feedback") { ["taz_name"] = "y", ["taz_details"] = "ok" });
            Assert.Equal(1, _emulator.Calls.CallerCalls);
            Assert.Equal(1, _emulator.Calls.Last!.PluginCalls);
            Assert.Equal(new[] { "Create" }, _emulator.Calls.Last.PluginCallMessages);
        }

        [Fact]
        public void The_user_a_plugin_asks_for_is_the_user_it_runs_as()
        {
            var officer = _emulator.AddUser("مسؤول");
            var service = _emulator.CreateService(officer);
            var id = Beneficiary(service);
            Assert.Contains($"user={officer} initiating={officer}", _emulator.Traces.Single().TraceText);
            var stored = service.Retrieve("taz_beneficiary", id, new ColumnSet("ownerid", "createdby"));
            Assert.Equal(officer, stored.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(officer, stored.GetAttributeValue<EntityReference>("createdby").Id);
        }
    }
}
