$version: "2"
namespace ex

service Things {
    operations: [ListThings, ListOthers]
}

@paginated(inputToken: "token", outputToken: "next", pageSize: "size", items: "entries")
@readonly
operation ListThings {
    input := {
        @required
        token: String
        size: String
    }
    output := {
        next: Integer
    }
}

@paginated(items: "things")
@readonly
operation ListOthers {
    input := {}
    output := {
        things: Names
    }
}

list Names {
    member: String
}
