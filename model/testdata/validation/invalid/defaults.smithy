$version: "2"
namespace ex

@default(0)
integer Zero

@default(null)
integer NoDefault

enum Color {
    RED
    BLUE
}

structure Settings {
    missing: Zero

    differs: Zero = 1

    wrongType: String = 10

    list: Names = ["a"]

    color: Color = "GREEN"

    @addedDefault
    added: String
}

list Names {
    member: String
}
