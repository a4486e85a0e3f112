"""The only code that touches devices, disk and network."""

import os

# OpenCV, FFmpeg and MediaPipe (glog / TFLite) write their own chatter to stderr; the
# user sees our one-line errors instead. These must be set before cv2/mediapipe load.
os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")
os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")
os.environ.setdefault("OPENCV_VIDEOIO_DEBUG", "0")
os.environ.setdefault("GLOG_minloglevel", "2")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
