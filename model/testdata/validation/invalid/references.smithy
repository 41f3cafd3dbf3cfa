$version: "2"
namespace ex

operation Op {
    input: Failure
    errors: [NotAnError]
}

@error("client")
structure Failure {}

structure NotAnError {}

map ByNumber {
    key: Integer
    value: String
}
