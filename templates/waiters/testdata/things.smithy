$version: "2"
namespace smithygen.test.waiters

use aws.protocols#restJson1

@restJson1
service Things {
    version: "2024-01-01"
    operations: [GetThing]
}

@http(method: "POST", uri: "/thing")
operation GetThing {
    input := {
        wanted: String
        names: Names
        limit: Integer
    }
    output := {
        name: String
        status: Status
        count: Integer
        size: Long
        ratio: Double
        enabled: Boolean
        created: Timestamp
        data: Blob
        tags: Names
        sparse: SparseNames
        items: Items
        nested: NestedNames
        attrs: Attrs
        itemMap: ItemMap
        choice: Choice
        counts: Counts
        inner: Item
    }
}

structure Item {
    name: String
    state: Status
    size: Integer
    labels: Names
    ok: Boolean
    children: Items
}

enum Status {
    ACTIVE
    PENDING
    FAILED
}

list Names {
    member: String
}

@sparse
list SparseNames {
    member: String
}

list Items {
    member: Item
}

list NestedNames {
    member: Names
}

map Attrs {
    key: String
    value: String
}

map ItemMap {
    key: String
    value: Item
}

union Choice {
    text: String
    item: Item
}

list Counts {
    member: Integer
}

apply GetThing @smithy.waiters#waitable(WAITABLE)
