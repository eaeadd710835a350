/// What an `nvidia-smi` exit status means (its manual's RETURN VALUE list, as NHC reports it).
package enum NvidiaSMIExitCode {
  /// The meaning of `status`.
  package static func message(_ status: Int32) -> String {
    switch status {
    case 0: "success"
    case 2: "a supplied argument or flag is invalid"
    case 3: "the requested operation is not available on the target device"
    case 4: "the current user does not have permission to access this device or perform this operation"
    case 6: "a query to find an object was unsuccessful"
    case 8: "a device's external power cables are not properly attached"
    case 9: "the NVIDIA driver is not loaded"
    case 10: "the NVIDIA kernel detected an interrupt issue with a GPU"
    case 12: "the NVML shared library could not be found or loaded"
    case 13: "the local version of NVML does not implement this function"
    case 14: "the infoROM is corrupted"
    case 15: "the GPU has fallen off the bus or has otherwise become inaccessible"
    default: "other error or internal driver error"
    }
  }
}
