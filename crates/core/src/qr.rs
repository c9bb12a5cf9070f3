//! QR codes as SVG images, for licences to be verified and case numbers to be scanned at a counter.

use qrcode::QrCode;
use qrcode::render::svg;

/// `text` as a QR code SVG (dark modules on white, with a quiet zone); `None` when it is too long.
pub fn svg_of(text: &str) -> Option<String> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_case_number_becomes_an_svg_image() {
        let image = super::svg_of("110101202611260001").unwrap();
        assert!(image.contains("<svg") && image.contains("</svg>"));
    }
}
