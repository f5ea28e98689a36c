//! Compile-time guarantees of the public API.

/// A `Pipeline` is built once and shared between threads.
#[test]
fn pipeline_and_documents_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync + 'static>() {}
    assert_send_sync::<bilan::Pipeline>();
    assert_send_sync::<bilan::PipelineBuilder>();
    assert_send_sync::<bilan::Document>();
    assert_send_sync::<bilan::Error>();
}

/// Errors work with `?` in functions returning `Box<dyn Error>`.
#[test]
fn error_is_a_std_error() {
    fn assert_error<T: std::error::Error + Send + Sync + 'static>() {}
    assert_error::<bilan::Error>();
}
