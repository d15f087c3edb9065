using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Cli.Tests;

/// <summary>Answers RetrieveMultiple with given rows and records the FetchXML it was asked; every other call fails the test.</summary>
internal sealed class RecordingOrganizationService : IOrganizationService
{
    private readonly Func<string, IEnumerable<Entity>> rows;

    public RecordingOrganizationService(Func<string, IEnumerable<Entity>> rows) => this.rows = rows;

    public List<string> Fetches { get; } = new();

    public EntityCollection RetrieveMultiple(QueryBase query)
    {
        var fetch = Assert.IsType<FetchExpression>(query).Query;
        Fetches.Add(fetch);
        var collection = new EntityCollection();
        collection.Entities.AddRange(rows(fetch));
        return collection;
    }

    public Guid Create(Entity entity) => throw new NotSupportedException();
    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw new NotSupportedException();
    public void Update(Entity entity) => throw new NotSupportedException();
    public void Delete(string entityName, Guid id) => throw new NotSupportedException();
    public OrganizationResponse Execute(OrganizationRequest request) => throw new NotSupportedException();
    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();
    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();
}
