$version: "2"
namespace ex

service Things {
    operations: [ListThings]
}

@enum([{value: "a"}, {value: "b"}])
string Letter

@paginated(inputToken: "token", outputToken: "next", pageSize: "size")
@readonly
operation ListThings {
    input := {
        token: String
        size: Long
    }
    output: ListThingsOutput
}

@output
structure ListThingsOutput {
    next: String

    @idempotencyToken
    token: String

    data: Blob = "not base64!"
}
