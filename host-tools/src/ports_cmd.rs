//! `alert-digest ports`: the serial ports this machine has, with USB ids to pick a board by.

use std::process::ExitCode;

use anyhow::Context as _;
use serialport::SerialPortType;

/// List serial ports, with USB vendor:product ids and serial numbers.
#[derive(clap::Args)]
#[command(after_help = "A USB port can be named to `send` as usb:VID:PID or usb:VID:PID:SERIAL.")]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    let ports = serialport::available_ports().context("cannot list serial ports")?;
    if ports.is_empty() {
        eprintln!("no serial ports found");
        return Ok(ExitCode::from(1));
    }
    for port in ports {
        println!("{}", describe(&port.port_name, &port.port_type));
    }
    Ok(ExitCode::SUCCESS)
}

/// One line per port: name, kind, and for USB the ids, serial number and names.
pub fn describe(name: &str, kind: &SerialPortType) -> String {
    match kind {
        SerialPortType::UsbPort(usb) => {
            let mut line = format!("{name}\tusb {:04x}:{:04x}", usb.vid, usb.pid);
            if let Some(serial) = &usb.serial_number {
                line.push_str(&format!("\tserial {serial}"));
            }
            let names: Vec<&str> = [usb.manufacturer.as_deref(), usb.product.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !names.is_empty() {
                line.push_str(&format!("\t{}", names.join(" ")));
            }
            line
        }
        SerialPortType::PciPort => format!("{name}\tpci"),
        SerialPortType::BluetoothPort => format!("{name}\tbluetooth"),
        SerialPortType::Unknown => format!("{name}\tunknown"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serialport::UsbPortInfo;

    #[test]
    fn usb_ports_show_ids_serial_and_names() {
        let usb = SerialPortType::UsbPort(UsbPortInfo {
            vid: 0x2e8a,
            pid: 0x000a,
            serial_number: Some("E66138935F2B2A2B".into()),
            manufacturer: Some("Raspberry Pi".into()),
            product: Some("Pico".into()),
        });
        assert_eq!(
            describe("/dev/ttyACM0", &usb),
            "/dev/ttyACM0\tusb 2e8a:000a\tserial E66138935F2B2A2B\tRaspberry Pi Pico"
        );
        assert_eq!(
            describe("/dev/ttyS0", &SerialPortType::Unknown),
            "/dev/ttyS0\tunknown"
        );
    }
}
