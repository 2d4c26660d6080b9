//! Who is asking: the client's address, which the sign-in limits count by. Behind a reverse proxy
//! (which HTTPS needs) every connection comes from the proxy, so the proxy's word is taken for
//! the client's address, but only from a proxy the operator named (`--trusted-proxy`): anyone
//! else could write any address into the header.

use axum::http::HeaderMap;
use std::net::IpAddr;

/// An address block such as `10.0.0.0/8`, `127.0.0.1` or `fd00::/8`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr {
    net: IpAddr,
    prefix: u8,
}

impl Cidr {
    pub fn parse(text: &str) -> Result<Cidr, String> {
        let bad = || format!("not an address block: {text} (e.g. 10.0.0.0/8 or 127.0.0.1)");
        let (addr, prefix) = match text.trim().split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text.trim(), None),
        };
        let net: IpAddr = addr.parse().map_err(|_| bad())?;
        let max = if net.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(bad)?,
            None => max,
        };
        Ok(Cidr { net, prefix })
    }

    pub fn contains(&self, addr: IpAddr) -> bool {
        let bits = |a: IpAddr| -> (u128, u8) {
            match a {
                IpAddr::V4(v4) => (u128::from(u32::from(v4)), 32),
                IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                    Some(v4) => (u128::from(u32::from(v4)), 32),
                    None => (u128::from(v6), 128),
                },
            }
        };
        let (net, net_len) = bits(self.net);
        let (addr, addr_len) = bits(addr);
        if net_len != addr_len {
            return false;
        }
        let host_bits = u32::from(net_len - self.prefix);
        let mask = u128::MAX.checked_shl(host_bits).unwrap_or(0);
        (net & mask) == (addr & mask)
    }

    /// A comma-separated list, as `--trusted-proxy` takes it.
    pub fn parse_list(text: &str) -> Result<Vec<Cidr>, String> {
        text.split(',')
            .filter(|s| !s.trim().is_empty())
            .map(Cidr::parse)
            .collect()
    }
}

/// The client's address: the peer's, unless the peer is a trusted proxy; then the nearest address
/// in `X-Forwarded-For` (or `Forwarded: for=`) that is not itself a trusted proxy, read from the
/// right, since only the entries the trusted proxies appended can be believed.
pub fn client_addr(peer: IpAddr, headers: &HeaderMap, trusted: &[Cidr]) -> IpAddr {
    let is_trusted = |a: IpAddr| trusted.iter().any(|c| c.contains(a));
    if !is_trusted(peer) {
        return peer;
    }
    let forwarded_for: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    let forwarded: Vec<IpAddr> = headers
        .get_all("forwarded")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .flat_map(|element| element.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(k, _)| k.trim().eq_ignore_ascii_case("for"))
        .filter_map(|(_, v)| forwarded_node(v))
        .collect();
    let chain = if forwarded_for.is_empty() {
        forwarded
    } else {
        forwarded_for
    };
    chain
        .into_iter()
        .rev()
        .find(|a| !is_trusted(*a))
        .unwrap_or(peer)
}

/// A `Forwarded` node: `192.0.2.60`, `"[2001:db8::1]:4711"` or `"192.0.2.60:8080"`.
fn forwarded_node(value: &str) -> Option<IpAddr> {
    let v = value.trim().trim_matches('"');
    if let Some(rest) = v.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    v.parse()
        .ok()
        .or_else(|| v.rsplit_once(':').and_then(|(a, _)| a.parse().ok()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn an_address_block_is_parsed_and_bounded() {
        let lan = Cidr::parse("10.0.0.0/8").unwrap();
        assert!(lan.contains(ip("10.20.30.40")));
        assert!(!lan.contains(ip("11.0.0.1")));
        assert!(Cidr::parse("127.0.0.1").unwrap().contains(ip("127.0.0.1")));
        assert!(!Cidr::parse("127.0.0.1").unwrap().contains(ip("127.0.0.2")));
        assert!(Cidr::parse("0.0.0.0/0").unwrap().contains(ip("8.8.8.8")));
        assert!(Cidr::parse("fd00::/8").unwrap().contains(ip("fd12::1")));
        assert!(
            lan.contains(ip("::ffff:10.1.1.1")),
            "an IPv4 peer on an IPv6 socket"
        );
        for bad in ["10.0.0.0/33", "proxy", "10.0.0/8", "::1/129", ""] {
            assert!(Cidr::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Cidr::parse_list("127.0.0.1, 10.0.0.0/8").unwrap().len(), 2);
    }

    #[test]
    fn the_forwarded_address_counts_only_from_a_trusted_proxy() {
        let trusted = Cidr::parse_list("127.0.0.1,10.0.0.0/8").unwrap();
        let h = headers(&[("x-forwarded-for", "203.0.113.7")]);
        assert_eq!(
            client_addr(ip("127.0.0.1"), &h, &trusted),
            ip("203.0.113.7")
        );
        assert_eq!(
            client_addr(ip("198.51.100.1"), &h, &trusted),
            ip("198.51.100.1"),
            "anyone else's header is ignored"
        );
        assert_eq!(
            client_addr(ip("127.0.0.1"), &h, &[]),
            ip("127.0.0.1"),
            "no proxy trusted unless named"
        );
    }

    #[test]
    fn a_client_cannot_hide_behind_an_address_it_wrote_itself() {
        let trusted = Cidr::parse_list("10.0.0.0/8").unwrap();
        // The client wrote 1.1.1.1; the proxy appended the address it saw.
        let h = headers(&[("x-forwarded-for", "1.1.1.1, 203.0.113.7, 10.0.0.2")]);
        assert_eq!(client_addr(ip("10.0.0.1"), &h, &trusted), ip("203.0.113.7"));
        let h = headers(&[("x-forwarded-for", "not an address")]);
        assert_eq!(client_addr(ip("10.0.0.1"), &h, &trusted), ip("10.0.0.1"));
    }

    #[test]
    fn the_standard_forwarded_header_is_read_too() {
        let trusted = Cidr::parse_list("127.0.0.1").unwrap();
        let h = headers(&[("forwarded", "for=192.0.2.60;proto=https;by=127.0.0.1")]);
        assert_eq!(client_addr(ip("127.0.0.1"), &h, &trusted), ip("192.0.2.60"));
        let h = headers(&[("forwarded", r#"for="[2001:db8:cafe::17]:4711""#)]);
        assert_eq!(
            client_addr(ip("127.0.0.1"), &h, &trusted),
            ip("2001:db8:cafe::17")
        );
    }
}
