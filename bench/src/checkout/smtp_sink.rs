//! An SMTP server that accepts every message and keeps only a count. The checkout benchmark's
//! app sends its confirmations and receipts here, so thousands of them never crowd the shared
//! Mailpit (which keeps at most 5 000 messages and would drop other runs' mail to make room).
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// A running sink; it stops with the process.
pub struct SmtpSink {
    /// `smtp://127.0.0.1:PORT`, for the app's `smtp_url`.
    pub url: String,
    accepted: Arc<AtomicUsize>,
}

impl SmtpSink {
    /// Listens on a free local port.
    pub async fn start() -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("smtp://{}", listener.local_addr()?);
        let accepted = Arc::new(AtomicUsize::new(0));
        let count = accepted.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let count = count.clone();
                tokio::spawn(async move {
                    if let Err(e) = session(stream, &count).await {
                        eprintln!("   smtp sink: a session ended with {e}");
                    }
                });
            }
        });
        Ok(Self { url, accepted })
    }

    /// Messages accepted so far.
    pub fn accepted(&self) -> usize {
        self.accepted.load(Ordering::Relaxed)
    }
}

/// Speaks just enough SMTP for lettre: every command is accepted; `DATA` runs to the lone dot.
async fn session(stream: TcpStream, accepted: &AtomicUsize) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    write.write_all(b"220 bench-sink ESMTP\r\n").await?;
    let (mut line, mut in_data) = (Vec::new(), false);
    loop {
        line.clear();
        if read.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let text = line.trim_ascii_end();
        if in_data {
            if text == b"." {
                in_data = false;
                accepted.fetch_add(1, Ordering::Relaxed);
                write.write_all(b"250 accepted\r\n").await?;
            }
            continue;
        }
        let verb = text.get(..4).unwrap_or(text).to_ascii_uppercase();
        let reply: &[u8] = match verb.as_slice() {
            b"EHLO" | b"HELO" => b"250 bench-sink\r\n",
            b"DATA" => {
                in_data = true;
                b"354 end with <CRLF>.<CRLF>\r\n"
            }
            b"QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => b"250 ok\r\n",
        };
        write.write_all(reply).await?;
    }
}
