$version: "2"
namespace ex

@length(min: 1)
boolean Flag

@readonly
@idempotent
operation Both {}

@smithy.api#notATrait
string Unknown

@ex#undefined
string UnknownHere

@trait(selector: "string")
structure onlyStrings {}

@onlyStrings
integer NotAString

structure TwoPayloads {
    @httpPayload
    a: Blob
    @httpPayload
    b: Blob
}

structure Tokens {
    @idempotencyToken
    n: Integer
}
