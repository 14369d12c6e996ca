//! stub
use super::Finding;
use crate::document::Document;
pub fn party_names(_doc: &Document) -> Vec<Finding> {
    Vec::new()
}
