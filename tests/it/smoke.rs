use retainer_lint::{read, InputErrorKind, Limits};

#[test]
fn empty_input_is_a_typed_error() {
    let err = read(b"", None, &Limits::default()).unwrap_err();
    assert_eq!(err.kind(), InputErrorKind::Empty);
    assert_eq!(err.code(), "input.empty");
}
